-- Automatic job-stabilising refunds (稳岗返还 免申即享, issue 7 part B, module "subsidies"): a run assesses every
-- enterprise of an open automatic refund program's region that has insurance evidence, grants the eligible ones their
-- entitlements (payments module) and starts a payment batch. The run keeps its progress here, in the same
-- transaction as each chunk of grants, so the counts add up after a crash and a resumed run starts after the last
-- enterprise of the last committed chunk. Once means once: one run per program at a time (partial unique index),
-- forward-only states (trigger), counts that only grow and always add up (checks).

select set_config('chunfeng.scope', '', true);

create table refund_run (
    id                  bigint generated always as identity primary key,
    program_id          bigint not null constraint refund_run_program_fk references subsidy_program (id),
    -- the program's region: the run's region scope, the enterprises it assesses and the budget it draws on
    region_code         char(6) not null constraint refund_run_region_fk references region (code),
    policy_year         int not null check (policy_year between 2000 and 2100),
    -- policy year − 1: the premiums refunded and the layoffs counted are of this year
    assessed_year       int not null,
    status              text not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    assessed            bigint not null default 0 check (assessed >= 0),
    eligible            bigint not null default 0 check (eligible >= 0),
    granted             bigint not null default 0 check (granted >= 0),
    granted_fen         bigint not null default 0 check (granted_fen >= 0),
    already_entitled    bigint not null default 0 check (already_entitled >= 0),
    over_budget         bigint not null default 0 check (over_budget >= 0),
    -- the main reason of those not eligible
    dispatch_excluded   bigint not null default 0 check (dispatch_excluded >= 0),
    evidence_missing    bigint not null default 0 check (evidence_missing >= 0),
    layoffs_above_limit bigint not null default 0 check (layoffs_above_limit >= 0),
    other_not_eligible  bigint not null default 0 check (other_not_eligible >= 0),
    -- the last enterprise of the last committed chunk: a resumed run goes on after it
    last_enterprise_id  bigint not null default 0,
    -- the payment batch it started (payments module), or null (nothing new granted, or not yet)
    batch_id            bigint,
    -- why it failed, or why it started no batch (a message code), else null
    message             text check (length(message) <= 500),
    started_by          text not null,
    created_at          timestamptz not null default now(),
    started_at          timestamptz,
    -- the last sign of life of the instance running it
    progress_at         timestamptz,
    finished_at         timestamptz,
    constraint refund_run_assessed_year check (assessed_year = policy_year - 1),
    constraint refund_run_started check ((status = 'QUEUED') = (started_at is null) or status = 'FAILED'),
    constraint refund_run_finished check ((status in ('DONE', 'FAILED')) = (finished_at is not null)),
    constraint refund_run_failure check (status <> 'FAILED' or message is not null),
    -- every assessed enterprise is eligible or not for one main reason; every eligible one was granted, already
    -- entitled, or left out for the budget
    constraint refund_run_counts check (
        eligible + dispatch_excluded + evidence_missing + layoffs_above_limit + other_not_eligible = assessed
        and granted + already_entitled + over_budget = eligible
        and (granted = 0) = (granted_fen = 0))
);
-- one run per program at a time, whatever instance asks
create unique index refund_run_one_at_a_time on refund_run (program_id) where status in ('QUEUED', 'RUNNING');
create index refund_run_program on refund_run (program_id, id desc);
create index refund_run_region on refund_run (region_code bpchar_pattern_ops, id desc);

-- Forward only: QUEUED → RUNNING → DONE or FAILED (QUEUED → FAILED too); a finished run changes no more. The program,
-- region, years and starter never change; counts and the resume point only grow.
create function refund_run_guard() returns trigger language plpgsql as $$
begin
    if old.status in ('DONE', 'FAILED') then
        raise exception 'refund run % is finished', old.id
            using errcode = 'check_violation', constraint = 'refund_run_finished_fixed', table = 'refund_run';
    end if;
    if new.status is distinct from old.status
       and not ((old.status = 'QUEUED' and new.status in ('RUNNING', 'FAILED'))
                or (old.status = 'RUNNING' and new.status in ('DONE', 'FAILED'))) then
        raise exception 'refund run % cannot go from % to %', old.id, old.status, new.status
            using errcode = 'check_violation', constraint = 'refund_run_transition', table = 'refund_run';
    end if;
    if new.program_id <> old.program_id or new.region_code <> old.region_code or new.policy_year <> old.policy_year
       or new.started_by <> old.started_by or new.created_at <> old.created_at then
        raise exception 'refund run % keeps its program, region, year and starter', old.id
            using errcode = 'check_violation', constraint = 'refund_run_fixed', table = 'refund_run';
    end if;
    if new.assessed < old.assessed or new.eligible < old.eligible or new.granted < old.granted
       or new.granted_fen < old.granted_fen or new.already_entitled < old.already_entitled
       or new.over_budget < old.over_budget or new.dispatch_excluded < old.dispatch_excluded
       or new.evidence_missing < old.evidence_missing or new.layoffs_above_limit < old.layoffs_above_limit
       or new.other_not_eligible < old.other_not_eligible or new.last_enterprise_id < old.last_enterprise_id
       or (old.batch_id is not null and new.batch_id is distinct from old.batch_id) then
        raise exception 'refund run % only adds to its counts', old.id
            using errcode = 'check_violation', constraint = 'refund_run_counts_grow', table = 'refund_run';
    end if;
    return new;
end $$;
create trigger refund_run_guard before update on refund_run
    for each row execute function refund_run_guard();

create function refund_run_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'refund runs are never deleted'
        using errcode = 'check_violation', constraint = 'refund_run_kept', table = 'refund_run';
end $$;
create trigger refund_run_kept before delete on refund_run
    for each row execute function refund_run_append_only();

-- A run is seen and changed only inside the region scope of its program's region (like the records it assesses).
alter table refund_run enable row level security;
alter table refund_run force row level security;
create policy refund_run_region_scope on refund_run
    using (region_code like current_setting('chunfeng.scope', true) || '%')
    with check (region_code like current_setting('chunfeng.scope', true) || '%');
