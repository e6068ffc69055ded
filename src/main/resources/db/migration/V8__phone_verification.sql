-- Phone verification and worker accounts (module "identity"): SMS codes that prove a person holds a mobile number,
-- and accounts found by their mobile number at sign-in. Neither numbers nor codes are stored in clear.

-- ---------------------------------------------------------------- verification codes
-- No region column: a code belongs to a number, not to a district, and is asked for before anyone is signed in.
create table phone_verification (
    id              bigint generated always as identity primary key,
    -- the number's blind index (PersonalData.MOBILE_NUMBER), never the number itself
    mobile_index    bytea not null check (length(mobile_index) = 32),
    purpose         text not null check (purpose in ('REGISTRATION', 'PASSWORD_RESET')),
    -- HMAC of purpose, number and code under the blind-index key: the table alone does not give a code away
    code_hash       bytea not null check (length(code_hash) = 32),
    sent_at         timestamptz not null,
    expires_at      timestamptz not null,
    failed_attempts int not null default 0 check (failed_attempts between 0 and 5),
    used_at         timestamptz,
    check (expires_at > sent_at)
);
-- the newest code of a number and purpose; the throttle counts a number's codes over all purposes
create index phone_verification_mobile_idx on phone_verification (mobile_index, purpose, id);
create index phone_verification_sent_idx on phone_verification (sent_at);

-- ---------------------------------------------------------------- accounts found by mobile number
alter table account add column mobile_index bytea check (length(mobile_index) = 32);
-- one account per mobile number, also against concurrent registrations
create unique index account_mobile_unique on account (mobile_index) where mobile_index is not null;
-- one account per worker
create unique index account_worker_unique on account (worker_id) where worker_id is not null;
-- a name typed at sign-in that reads as a mobile number (MobileNumber: dashes ignored, 86 or 0086 in front) is looked
-- up as one, so no username may read as one
alter table account add constraint account_username_not_mobile
    check (replace(username, '-', '') !~ '^(0086|86)?1[3-9][0-9]{9}$');
-- "w" and digits is the generated name of a worker's own account ("w" and its worker id, at least two digits), so
-- nobody else can take the name a worker will need
alter table account add constraint account_worker_username
    check (username !~ '^w[0-9]+$'
           or role = 'WORKER' and username = 'w' || case when worker_id < 10 then '0' else '' end || worker_id);

-- ---------------------------------------------------------------- the application's own database role
do $$
begin
    if current_user <> '${appRole}' then
        execute 'grant select, insert, update, delete on phone_verification to ${appRole}';
        execute 'grant usage, select on sequence phone_verification_id_seq to ${appRole}';
    end if;
end $$;
