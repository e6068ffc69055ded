-- Subsidy programs (issue 7, module "subsidies"): the programs of the "strengthen policy retention" line, each with a
-- kind, a beneficiary type, a policy year, the bureau's region, a budget in fen, dates and its parameters as JSON
-- (typed and checked in Java per kind). Templates with the parameters of their year are loaded by the repeatable
-- Java migration R__Subsidy_program_templates; an administrator copies one into a draft of the own region.
-- What matters here: a program only moves forward (draft → open → closed), an open program's rules stay as they were
-- opened, templates are read by everybody and changed by nobody but the migrations.

select set_config('chunfeng.scope', '', true);

create table subsidy_program (
    id            bigint generated always as identity primary key,
    -- the bureau running it; null for a template (national, or a locality's example: its name says which)
    region_code   char(6) constraint subsidy_program_region_fk references region (code),
    -- the prefix every code inside region_code starts with (as RegionCode.scopePrefix): 32, 3205, 320505
    region_prefix text generated always as (
        case when substr(region_code, 3, 4) = '0000' then substr(region_code, 1, 2)
             when substr(region_code, 5, 2) = '00' then substr(region_code, 1, 4)
             else region_code end) stored,
    template_key  text constraint subsidy_program_template_key unique
                  constraint subsidy_program_template_key_format check (template_key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    kind          text not null check (kind in ('JOB_STABILIZING_REFUND', 'WORK_FOR_TRAINING', 'TRAINING_SUBSIDY',
                                                'STAY_PUT_SUBSIDY', 'TEMPORARY_LIVING_SUBSIDY', 'UNEMPLOYMENT_SUBSIDY')),
    beneficiary   text not null check (beneficiary in ('ENTERPRISE', 'WORKER')),
    name          text not null constraint subsidy_program_name check (length(btrim(name)) between 1 and 100),
    policy_year   int not null constraint subsidy_program_year check (policy_year between 2000 and 2100),
    -- whole fen, never floating point
    budget_fen    bigint not null default 0 constraint subsidy_program_budget check (budget_fen >= 0),
    open_date     date not null,
    close_date    date not null,
    -- 政策依据: the notice and its number
    basis         text constraint subsidy_program_basis check (length(basis) <= 500),
    -- the kind's parameters (rates in basis points, amounts in fen), checked against the kind's record in Java
    parameters    jsonb not null constraint subsidy_program_parameters check (jsonb_typeof(parameters) = 'object'),
    is_template   boolean not null default false,
    status        text not null default 'DRAFT' check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    created_by    text not null,
    created_at    timestamptz not null default now(),
    opened_at     timestamptz,
    closed_at     timestamptz,
    updated_at    timestamptz not null default now(),
    version       int not null default 0,
    constraint subsidy_program_dates check (close_date >= open_date),
    -- a template has no region and a key; a bureau's program a region and no key
    constraint subsidy_program_template check (is_template = (region_code is null)
                                               and is_template = (template_key is not null)),
    constraint subsidy_program_template_draft check (not is_template or status = 'DRAFT'),
    -- whom each kind may pay (a stay-put subsidy either; a training subsidy the worker or a training enterprise)
    constraint subsidy_program_beneficiary check (
        beneficiary = 'ENTERPRISE' or kind not in ('JOB_STABILIZING_REFUND', 'WORK_FOR_TRAINING'))
        ,
    constraint subsidy_program_beneficiary_worker check (
        beneficiary = 'WORKER' or kind not in ('TEMPORARY_LIVING_SUBSIDY', 'UNEMPLOYMENT_SUBSIDY')),
    -- an open or closed program had money to pay
    constraint subsidy_program_budget_open check (status = 'DRAFT' or budget_fen > 0),
    constraint subsidy_program_opened check ((status = 'DRAFT') = (opened_at is null)),
    constraint subsidy_program_closed check ((status = 'CLOSED') = (closed_at is not null)),
    -- one name per bureau and year (templates among themselves too): copying twice is noticed
    constraint subsidy_program_name_once unique nulls not distinct (region_code, policy_year, name)
);
create index subsidy_program_region on subsidy_program (region_code bpchar_pattern_ops);
create index subsidy_program_kind_year on subsidy_program (kind, policy_year);

-- Forward only: draft → open → closed. Kind, region and template status never change; once open, the program's
-- rules (beneficiary, year, opening date, parameters) stay as they were opened, so every case is assessed under the
-- same rules; a closed program changes no more.
create function subsidy_program_guard() returns trigger language plpgsql as $$
begin
    if new.status is distinct from old.status
       and not ((old.status = 'DRAFT' and new.status = 'OPEN') or (old.status = 'OPEN' and new.status = 'CLOSED')) then
        raise exception 'subsidy program % cannot go from % to %', old.id, old.status, new.status
            using errcode = 'check_violation', constraint = 'subsidy_program_transition', table = 'subsidy_program';
    end if;
    if new.kind <> old.kind or new.region_code is distinct from old.region_code
       or new.is_template <> old.is_template or new.template_key is distinct from old.template_key then
        raise exception 'subsidy program % keeps its kind, region and template status', old.id
            using errcode = 'check_violation', constraint = 'subsidy_program_fixed', table = 'subsidy_program';
    end if;
    if old.status <> 'DRAFT' and (new.beneficiary <> old.beneficiary or new.policy_year <> old.policy_year
       or new.open_date <> old.open_date or new.parameters <> old.parameters) then
        raise exception 'subsidy program % is % and keeps its rules', old.id, old.status
            using errcode = 'check_violation', constraint = 'subsidy_program_rules_fixed', table = 'subsidy_program';
    end if;
    if old.status = 'CLOSED' then
        raise exception 'subsidy program % is closed', old.id
            using errcode = 'check_violation', constraint = 'subsidy_program_closed_fixed', table = 'subsidy_program';
    end if;
    return new;
end $$;
create trigger subsidy_program_guard before update on subsidy_program
    for each row execute function subsidy_program_guard();

-- Reading: templates by everybody; a program by the staff of its region and of the regions inside it, and by those
-- of the regions around it (a county works under the city's and the province's programs). Writing: programs of the
-- scope only, never a template (the migrations load those as the table's owner, with the policy lifted).
alter table subsidy_program enable row level security;
alter table subsidy_program force row level security;
create policy subsidy_program_read on subsidy_program for select
    using (is_template
           or region_code like current_setting('chunfeng.scope', true) || '%'
           or current_setting('chunfeng.scope', true) like region_prefix || '%');
create policy subsidy_program_insert on subsidy_program for insert
    with check (not is_template and region_code like current_setting('chunfeng.scope', true) || '%');
create policy subsidy_program_update on subsidy_program for update
    using (not is_template and region_code like current_setting('chunfeng.scope', true) || '%')
    with check (not is_template and region_code like current_setting('chunfeng.scope', true) || '%');
create policy subsidy_program_delete on subsidy_program for delete
    using (not is_template and region_code like current_setting('chunfeng.scope', true) || '%');
