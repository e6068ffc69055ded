-- Identity and access (module "identity"): accounts, API tokens, the audit log, console sessions, and the region
-- scope every person and enterprise row is read and written under.

-- ---------------------------------------------------------------- accounts
create table account (
    id                   bigint generated always as identity primary key,
    username             text not null check (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
    display_name         text not null check (length(btrim(display_name)) between 1 and 60),
    password_hash        text not null,
    role                 text not null check (role in ('ADMINISTRATOR', 'CASEWORKER', 'REVIEWER', 'FINANCE_OFFICER',
                                                      'ENTERPRISE_USER', 'WORKER', 'AGENCY_VIEWER')),
    -- the GB/T 2260 code whose prefix bounds everything the account may read or change
    region_code          char(6) not null references region (code),
    agency_code          text references partner_agency (code),
    data_categories      text[] not null default '{}',
    enterprise_id        bigint references enterprise (id),
    worker_id            bigint references worker (id),
    must_change_password boolean not null default false,
    enabled              boolean not null default true,
    failed_logins        int not null default 0 check (failed_logins >= 0),
    last_failed_login_at timestamptz,
    locked_until         timestamptz,
    created_at           timestamptz not null default now(),
    version              int not null default 0,
    constraint account_username_unique unique (username),
    constraint account_agency_viewer check ((role = 'AGENCY_VIEWER') = (agency_code is not null)),
    constraint account_enterprise_user check (role <> 'ENTERPRISE_USER' or enterprise_id is not null),
    constraint account_worker check (role <> 'WORKER' or worker_id is not null),
    constraint account_categories_known check (data_categories <@ array['WORKERS', 'ENTERPRISES', 'KEY_ENTERPRISES',
        'KEY_GROUPS', 'COMMUNITY_POSTS', 'HARDSHIP', 'RETURN_TRIPS', 'WARMTH_ACTIVITIES', 'WOMEN_WORKERS']::text[])
);

-- ---------------------------------------------------------------- API tokens (only their SHA-256 is stored)
create table api_token (
    id           bigint generated always as identity primary key,
    account_id   bigint not null references account (id) on delete cascade,
    token_hash   bytea not null constraint api_token_hash_unique unique check (length(token_hash) = 32),
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    check (expires_at > created_at)
);
create index api_token_account_idx on api_token (account_id);

-- ---------------------------------------------------------------- audit log (append-only)
create table audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    actor       text not null,
    action      text not null,
    record_type text,
    record_id   text,
    -- the region of the record (or of the actor for logins): audit entries are scoped like the records
    region_code char(6) not null,
    before      jsonb,
    after       jsonb,
    detail      text
);
create index audit_log_time_idx on audit_log (occurred_at desc);
create index audit_log_region_idx on audit_log (region_code);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_append_only before update or delete or truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- ---------------------------------------------------------------- console sessions (Spring Session JDBC)
create table spring_session (
    primary_id            char(36) not null constraint spring_session_pk primary key,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name)
);

-- ---------------------------------------------------------------- region scope (row-level security)
-- Every request sets chunfeng.scope to its user's region prefix ('' for the system itself); a row is visible and
-- writable only when its region starts with it. An unset scope matches nothing.
alter table worker enable row level security;
alter table worker force row level security;
create policy worker_region_scope on worker
    using (residence_region like current_setting('chunfeng.scope', true) || '%')
    with check (residence_region like current_setting('chunfeng.scope', true) || '%');

alter table enterprise enable row level security;
alter table enterprise force row level security;
create policy enterprise_region_scope on enterprise
    using (region_code like current_setting('chunfeng.scope', true) || '%')
    with check (region_code like current_setting('chunfeng.scope', true) || '%');

alter table audit_log enable row level security;
alter table audit_log force row level security;
create policy audit_log_read_in_scope on audit_log for select
    using (region_code like current_setting('chunfeng.scope', true) || '%');
create policy audit_log_append on audit_log for insert with check (true);

-- ---------------------------------------------------------------- the application's own database role
-- Migrations run as the schema owner; the application connects as ${appRole}, which may read and write data but
-- never change the schema, and may only add to the audit log.
do $$
begin
    if current_user <> '${appRole}' then
        execute 'grant usage on schema public to ${appRole}';
        execute 'grant select, insert, update, delete on all tables in schema public to ${appRole}';
        execute 'grant usage, select on all sequences in schema public to ${appRole}';
        execute 'revoke update, delete, truncate on audit_log from ${appRole}';
        execute 'alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole}';
        execute 'alter default privileges in schema public grant usage, select on sequences to ${appRole}';
    end if;
end $$;
