-- The registries in full (issue 4): the worker profile with its festival-plan history, the enterprise size inputs,
-- contacts and social-insurance evidence, and merges that keep the merged record.

-- Worker and enterprise rows are under forced row-level security, which binds the schema owner too: this migration
-- works over every region.
select set_config('chunfeng.scope', '', true);

-- trigram indexes make "name contains" searches fast on millions of rows (pg_trgm is a trusted extension)
create extension if not exists pg_trgm;

-- ---------------------------------------------------------------- workers
alter table worker
    add column address              text check (length(address) <= 200),
    -- 职业 codes, most relevant first; checked against the occupation table by worker_codes_known below
    add column occupations          varchar(12)[] not null default '{}'
                                    check (cardinality(occupations) <= 5 and array_position(occupations, null) is null),
    -- 技能: free words such as 电焊 or 叉车证
    add column skills               text[] not null default '{}'
                                    check (cardinality(skills) <= 20 and array_position(skills, null) is null),
    add column education            text check (education in ('PRIMARY_OR_LESS', 'JUNIOR_MIDDLE', 'SENIOR_MIDDLE',
                                                              'SECONDARY_VOCATIONAL', 'JUNIOR_COLLEGE', 'BACHELOR',
                                                              'POSTGRADUATE')),
    -- 期望月薪, yuan
    add column expected_wage        int check (expected_wage between 0 and 1000000),
    add column preferred_industries varchar(5)[] not null default '{}'
                                    check (cardinality(preferred_industries) <= 10
                                           and array_position(preferred_industries, null) is null),
    add column preferred_regions    char(6)[] not null default '{}'
                                    check (cardinality(preferred_regions) <= 10
                                           and array_position(preferred_regions, null) is null),
    -- the account subsidies are paid to: sealed like the other personal numbers
    add column bank_name            text check (length(btrim(bank_name)) between 1 and 60),
    add column bank_account_sealed  bytea,
    add column bank_account_masked  text check (bank_account_masked ~ '^[0-9]{4}\*+[0-9]{4}$'),
    -- blind index: tells an unchanged account on re-import, and many workers sharing one account
    add column bank_account_index   bytea,
    -- 数据使用授权: when the worker agreed to the use of the data, null when not (yet)
    add column consent_at           timestamptz,
    -- 春节去留意向 in detail; every change is appended to festival_plan_history by a trigger
    add column plan_leave_date      date,
    add column plan_return_date     date,
    add column plan_home_region     char(6) check (plan_home_region ~ '^[0-9]{6}$'),
    add column plan_waiting_employer_id bigint constraint worker_waiting_employer_fk references enterprise (id),
    add column plan_note            text check (length(plan_note) <= 200),
    add column plan_version         int not null default 1,
    -- a record merged into another stays, read-only, for its history
    add column merged_into          bigint constraint worker_merged_into_fk references worker (id),
    add column updated_at           timestamptz not null default now(),
    add constraint worker_bank_complete check (
        (bank_account_sealed is null) = (bank_account_masked is null)
        and (bank_account_sealed is null) = (bank_account_index is null)
        and (bank_account_sealed is null or bank_name is not null)),
    add constraint worker_not_merged_into_itself check (merged_into <> id),
    add constraint worker_plan_dates check (plan_return_date is null or plan_leave_date is null
                                            or plan_return_date >= plan_leave_date),
    add constraint worker_plan_return_details check (
        festival_plan = 'GOING_HOME_RETURNING'
        or (plan_return_date is null and plan_waiting_employer_id is null)),
    add constraint worker_plan_home_details check (
        festival_plan in ('GOING_HOME_RETURNING', 'GOING_HOME_NOT_RETURNING')
        or (plan_leave_date is null and plan_home_region is null));

update worker set occupations = array[occupation_code] where occupation_code is not null;
alter table worker drop column occupation_code;

-- arrays cannot carry foreign keys: the codes are checked here, named like constraints so the application can
-- tell the user which field is wrong
create function worker_codes_known() returns trigger language plpgsql as $$
begin
    if exists (select 1 from unnest(new.occupations) c where not exists (select 1 from occupation o where o.code = c)) then
        raise exception 'unknown occupation in %', new.occupations
            using errcode = 'foreign_key_violation', constraint = 'worker_occupations_fk', table = 'worker';
    end if;
    if exists (select 1 from unnest(new.preferred_industries) c
               where not exists (select 1 from industry i where i.code = c)) then
        raise exception 'unknown industry in %', new.preferred_industries
            using errcode = 'foreign_key_violation', constraint = 'worker_preferred_industries_fk', table = 'worker';
    end if;
    if exists (select 1 from unnest(new.preferred_regions) c where not exists (select 1 from region r where r.code = c)) then
        raise exception 'unknown region in %', new.preferred_regions
            using errcode = 'foreign_key_violation', constraint = 'worker_preferred_regions_fk', table = 'worker';
    end if;
    return new;
end $$;
create trigger worker_codes_known before insert or update of occupations, preferred_industries, preferred_regions
    on worker for each row execute function worker_codes_known();

-- every plan a worker has had: appended by the database on each change, never rewritten
create table festival_plan_history (
    id                  bigint generated always as identity primary key,
    worker_id           bigint not null references worker (id),
    version             int not null check (version >= 1),
    plan                text not null check (plan in ('STAYING_PUT', 'GOING_HOME_RETURNING',
                                                      'GOING_HOME_NOT_RETURNING', 'UNDECIDED')),
    leave_date          date,
    return_date         date,
    home_region         char(6),
    waiting_employer_id bigint,
    note                text,
    recorded_at         timestamptz not null default now(),
    -- the account that made the change (session setting chunfeng.actor), or "system"
    recorded_by         text not null,
    constraint festival_plan_history_version_unique unique (worker_id, version)
);

create function worker_plan_recorded() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if (old.festival_plan, old.plan_leave_date, old.plan_return_date, old.plan_home_region,
            old.plan_waiting_employer_id, old.plan_note)
           is not distinct from
           (new.festival_plan, new.plan_leave_date, new.plan_return_date, new.plan_home_region,
            new.plan_waiting_employer_id, new.plan_note) then
            new.plan_version := old.plan_version;
            return new;
        end if;
        new.plan_version := old.plan_version + 1;
    else
        new.plan_version := 1;
    end if;
    return new;
end $$;
create trigger worker_plan_version before insert or update on worker
    for each row execute function worker_plan_recorded();

create function worker_plan_history() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.plan_version <> old.plan_version then
        insert into festival_plan_history (worker_id, version, plan, leave_date, return_date, home_region,
                                           waiting_employer_id, note, recorded_by)
        values (new.id, new.plan_version, new.festival_plan, new.plan_leave_date, new.plan_return_date,
                new.plan_home_region, new.plan_waiting_employer_id, new.plan_note,
                coalesce(nullif(current_setting('chunfeng.actor', true), ''), 'system'));
    end if;
    return null;
end $$;
create trigger worker_plan_history after insert or update on worker
    for each row execute function worker_plan_history();

insert into festival_plan_history (worker_id, version, plan, recorded_at, recorded_by)
select id, 1, festival_plan, created_at, 'system' from worker;

create function history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger festival_plan_history_append_only before update or delete or truncate on festival_plan_history
    for each statement execute function history_is_append_only();

-- searches and filters at scale: region prefixes, names, key groups, occupations
create index worker_residence_prefix_idx on worker (residence_region bpchar_pattern_ops);
create index worker_name_trgm_idx on worker using gin (name gin_trgm_ops);
create index worker_key_groups_idx on worker using gin (key_groups);
create index worker_occupations_idx on worker using gin (occupations);
create index worker_plan_idx on worker (festival_plan);
create index worker_status_idx on worker (employment_status);
create index worker_merged_into_idx on worker (merged_into) where merged_into is not null;

create index worker_bank_account_idx on worker (bank_account_index) where bank_account_index is not null;

-- An import must tell "this person is registered in another district" from a new person before it writes, because
-- an upsert that meets a row hidden by the region policy fails as a whole. This function answers only which of the
-- given blind indexes belong to records outside the caller's scope, nothing more about them.
create function worker_indexes_outside_scope(indexes bytea[]) returns setof bytea
    language plpgsql security definer set search_path = public as $$
declare
    scope text := coalesce(current_setting('chunfeng.scope', true), '-');
begin
    perform set_config('chunfeng.scope', '', true);
    return query select w.id_number_index from worker w
                 where w.id_number_index = any(indexes) and w.residence_region not like scope || '%';
    perform set_config('chunfeng.scope', scope, true);
end $$;

-- ---------------------------------------------------------------- enterprises
alter table enterprise
    -- 营业收入 and 资产总额 in yuan: with the headcount and the industry they give the size class (MIIT criteria)
    add column revenue_yuan      bigint check (revenue_yuan >= 0),
    add column total_assets_yuan bigint check (total_assets_yuan >= 0),
    add column size_class        text check (size_class in ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')),
    add column merged_into       bigint constraint enterprise_merged_into_fk references enterprise (id),
    add column updated_at        timestamptz not null default now(),
    add constraint enterprise_not_merged_into_itself check (merged_into <> id);

create index enterprise_region_prefix_idx on enterprise (region_code bpchar_pattern_ops);
create index enterprise_name_trgm_idx on enterprise using gin (name gin_trgm_ops);
create index enterprise_merged_into_idx on enterprise (merged_into) where merged_into is not null;

create function enterprise_codes_outside_scope(codes text[]) returns setof text
    language plpgsql security definer set search_path = public as $$
declare
    scope text := coalesce(current_setting('chunfeng.scope', true), '-');
begin
    perform set_config('chunfeng.scope', '', true);
    return query select e.credit_code::text from enterprise e
                 where e.credit_code = any(codes) and e.region_code not like scope || '%';
    perform set_config('chunfeng.scope', scope, true);
end $$;

-- 联系人: mobile numbers sealed like everybody else's
create table enterprise_contact (
    id            bigint generated always as identity primary key,
    enterprise_id bigint not null references enterprise (id),
    name          text not null check (length(btrim(name)) between 1 and 50),
    title         text check (length(title) <= 50),
    mobile_sealed bytea,
    mobile_masked text check (mobile_masked ~ '^1[3-9][0-9]\*{4}[0-9]{4}$'),
    email         text check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 100),
    created_at    timestamptz not null default now(),
    constraint enterprise_contact_mobile_complete check ((mobile_sealed is null) = (mobile_masked is null))
);
create index enterprise_contact_enterprise_idx on enterprise_contact (enterprise_id);

-- 参保信息: insured headcount at the end of each year and unemployment-insurance premiums paid in that year, the
-- evidence of the job-stabilising refund (稳岗返还). One row per enterprise and year.
create table enterprise_insurance_year (
    enterprise_id     bigint not null references enterprise (id),
    year              smallint not null check (year between 2000 and 2100),
    insured_headcount int not null check (insured_headcount between 0 and 10000000),
    premiums_fen      bigint not null check (premiums_fen between 0 and 100000000000000),
    source            text not null check (source in ('IMPORT', 'ENTERPRISE', 'CASEWORKER')),
    recorded_at       timestamptz not null default now(),
    constraint enterprise_insurance_year_pk primary key (enterprise_id, year)
);

-- ---------------------------------------------------------------- region scope for the dependent tables
-- A row of these tables is visible exactly when its worker or enterprise is (the subquery is itself under the
-- worker's or enterprise's policy).
alter table festival_plan_history enable row level security;
alter table festival_plan_history force row level security;
create policy festival_plan_history_scope on festival_plan_history
    using (exists (select 1 from worker w where w.id = worker_id))
    with check (exists (select 1 from worker w where w.id = worker_id));

alter table enterprise_contact enable row level security;
alter table enterprise_contact force row level security;
create policy enterprise_contact_scope on enterprise_contact
    using (exists (select 1 from enterprise e where e.id = enterprise_id))
    with check (exists (select 1 from enterprise e where e.id = enterprise_id));

alter table enterprise_insurance_year enable row level security;
alter table enterprise_insurance_year force row level security;
create policy enterprise_insurance_year_scope on enterprise_insurance_year
    using (exists (select 1 from enterprise e where e.id = enterprise_id))
    with check (exists (select 1 from enterprise e where e.id = enterprise_id));

do $$
begin
    if current_user <> '${appRole}' then
        execute 'revoke update, delete, truncate on festival_plan_history from ${appRole}';
    end if;
end $$;
