-- Workers (module "workers"): the worker registry. Resident ID and mobile numbers are stored sealed (AES-GCM, see
-- identity.PersonalData) with a blind index (HMAC) for lookup and uniqueness, and a masked form for display.

create table worker (
    id                bigint generated always as identity primary key,
    name              text not null check (length(btrim(name)) between 1 and 50),
    id_number_sealed  bytea not null,
    -- one person per ID number, enforced here, whatever the application does
    id_number_index   bytea not null constraint worker_id_number_unique unique,
    id_number_masked  text not null check (id_number_masked ~ '^[0-9]{6}\*{8}[0-9]{3}[0-9X]$'),
    -- birth date, sex and hukou are read from the ID number (GB 11643), never typed a second time
    birth_date        date not null,
    sex               text not null check (sex in ('MALE', 'FEMALE')),
    -- the address code of the ID number: no foreign key, because abolished codes stay valid in ID numbers
    hukou_region      char(6) not null check (hukou_region ~ '^[0-9]{6}$'),
    mobile_sealed     bytea,
    mobile_index      bytea,
    mobile_masked     text check (mobile_masked ~ '^1[3-9][0-9]\*{4}[0-9]{4}$'),
    -- where the worker lives now: the region-scope key
    residence_region  char(6) not null constraint worker_residence_fk references region (code),
    employer_id       bigint constraint worker_employer_fk references enterprise (id),
    employment_status text not null check (employment_status in ('EMPLOYED', 'SEEKING', 'UNEMPLOYED_REGISTERED')),
    occupation_code   varchar(12) constraint worker_occupation_fk references occupation (code),
    key_groups        text[] not null default '{}'
                      constraint worker_key_groups_known check (
                          key_groups <@ array['LIFTED_OUT_OF_POVERTY', 'AT_RISK_OF_RELAPSE', 'RURAL_LOW_INCOME',
                                              'UNEMPLOYED_GRADUATE', 'DISABILITY', 'ZERO_EMPLOYMENT_FAMILY',
                                              'FISHING_BAN_FISHER', 'OLDER_WORKER']::text[]
                          and array_position(key_groups, null) is null),
    -- 春节去留意向: the current plan; its history will live in its own table, keyed by worker id
    festival_plan     text not null check (festival_plan in ('STAYING_PUT', 'GOING_HOME_RETURNING',
                                                             'GOING_HOME_NOT_RETURNING', 'UNDECIDED')),
    source            text not null check (source in ('SELF_REGISTERED', 'CASEWORKER', 'IMPORT')),
    created_at        timestamptz not null default now(),
    version           int not null default 0,
    constraint worker_mobile_complete check (
        (mobile_sealed is null) = (mobile_index is null) and (mobile_index is null) = (mobile_masked is null)),
    constraint worker_employer_when_employed check (employer_id is null or employment_status = 'EMPLOYED')
);
create index worker_residence_idx on worker (residence_region);
create index worker_employer_idx on worker (employer_id);
create index worker_mobile_idx on worker (mobile_index);
