-- Subsidy applications and their review (issue 7 part B, module "subsidies"): an enterprise or a worker (or a
-- caseworker on their behalf) applies under an open program; the case it is assessed on (the facts entered and the
-- registry facts looked up) is frozen with it as JSON, together with the assessment; reviewers of the levels the
-- program names decide step by step; the final approval grants the entitlement (payments module) in the same
-- transaction. What matters here: the moves an application may make, one decision per step and version, the
-- decisions kept for ever, evidence bounded, and the region scope.

select set_config('chunfeng.scope', '', true);

-- ---------------------------------------------------------------- review steps of a program
-- The levels whose reviewers decide, in order: county review (初审), then city approval (审批) by default. Set while a
-- draft; fixed once the program opens, like its rules.
alter table subsidy_program add column review_steps jsonb not null default '["COUNTY", "CITY"]'
    constraint subsidy_program_review_steps check (
        jsonb_typeof(review_steps) = 'array'
        and jsonb_array_length(review_steps) between 1 and 3
        and review_steps <@ '["COUNTY", "CITY", "PROVINCE"]'::jsonb);

create or replace function subsidy_program_guard() returns trigger language plpgsql as $$
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
       or new.open_date <> old.open_date or new.parameters <> old.parameters
       or new.review_steps <> old.review_steps) then
        raise exception 'subsidy program % is % and keeps its rules', old.id, old.status
            using errcode = 'check_violation', constraint = 'subsidy_program_rules_fixed', table = 'subsidy_program';
    end if;
    if old.status = 'CLOSED' then
        raise exception 'subsidy program % is closed', old.id
            using errcode = 'check_violation', constraint = 'subsidy_program_closed_fixed', table = 'subsidy_program';
    end if;
    return new;
end $$;

-- ---------------------------------------------------------------- applications
create table subsidy_application (
    id              bigint generated always as identity primary key,
    program_id      bigint not null constraint subsidy_application_program_fk references subsidy_program (id),
    kind            text not null,
    -- the applicant: an enterprise or a worker of the registries
    applicant_kind  text not null check (applicant_kind in ('ENTERPRISE', 'WORKER')),
    enterprise_id   bigint constraint subsidy_application_enterprise_fk references enterprise (id),
    worker_id       bigint constraint subsidy_application_worker_fk references worker (id),
    applicant_name  text not null constraint subsidy_application_name check (length(applicant_name) between 1 and 200),
    -- the applicant's region when it applied: the region scope, and which reviewers decide
    region_code     char(6) not null constraint subsidy_application_region_fk references region (code),
    status          text not null default 'SUBMITTED'
                    check (status in ('SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'REJECTED')),
    -- the review levels of the program, copied at submission; step = the one waiting (1-based)
    steps           jsonb not null constraint subsidy_application_steps check (
                        jsonb_typeof(steps) = 'array' and jsonb_array_length(steps) between 1 and 3
                        and steps <@ '["COUNTY", "CITY", "PROVINCE"]'::jsonb),
    step            int not null default 1,
    -- the facts as entered, the case they and the registries made (frozen), and the assessment at submission
    facts           jsonb not null constraint subsidy_application_facts check (jsonb_typeof(facts) = 'object'),
    case_data       jsonb not null constraint subsidy_application_case check (jsonb_typeof(case_data) = 'object'),
    assessment      jsonb not null constraint subsidy_application_assessment check (jsonb_typeof(assessment) = 'object'),
    eligible        boolean not null,
    amount_fen      bigint not null constraint subsidy_application_amount check (amount_fen >= 0),
    -- set by the final approval: the amount granted
    approved_fen    bigint constraint subsidy_application_approved check (approved_fen > 0),
    -- the latest return or rejection's reason, for the applicant
    reason          text constraint subsidy_application_reason check (length(reason) <= 500),
    rounds          int not null default 1 constraint subsidy_application_rounds check (rounds >= 1),
    submitted_by    text not null,
    submitted_at    timestamptz not null default now(),
    decided_at      timestamptz,
    updated_at      timestamptz not null default now(),
    version         int not null default 0,
    constraint subsidy_application_applicant check (
        (applicant_kind = 'ENTERPRISE' and enterprise_id is not null and worker_id is null)
        or (applicant_kind = 'WORKER' and worker_id is not null and enterprise_id is null)),
    constraint subsidy_application_step check (step between 1 and jsonb_array_length(steps)),
    -- only an approval has an approved amount, and it is the assessed one or less
    constraint subsidy_application_approval check ((status = 'APPROVED') = (approved_fen is not null)),
    constraint subsidy_application_decided check ((status in ('APPROVED', 'REJECTED')) = (decided_at is not null)),
    -- a return or a rejection says why
    constraint subsidy_application_reasoned check (status not in ('RETURNED', 'REJECTED') or reason is not null)
);
create index subsidy_application_region on subsidy_application (region_code bpchar_pattern_ops, status);
create index subsidy_application_program on subsidy_application (program_id);
create index subsidy_application_enterprise on subsidy_application (enterprise_id) where enterprise_id is not null;
create index subsidy_application_worker on subsidy_application (worker_id) where worker_id is not null;

-- The moves: SUBMITTED / IN_REVIEW → IN_REVIEW (the next step), RETURNED, REJECTED or APPROVED (after the last step);
-- RETURNED → SUBMITTED (resubmitted, from step 1 again); APPROVED and REJECTED are final. The program, the applicant
-- and the region never change; the case only when the applicant resubmits. Nothing is deleted.
create function subsidy_application_guard() returns trigger language plpgsql as $$
declare
    program subsidy_program%rowtype;
begin
    if tg_op = 'DELETE' then
        raise exception 'subsidy application % is kept', old.id
            using errcode = 'check_violation', constraint = 'subsidy_application_kept', table = 'subsidy_application';
    end if;
    if tg_op = 'INSERT' then
        select * into program from subsidy_program where id = new.program_id;
        if not found or program.status <> 'OPEN' or current_date not between program.open_date and program.close_date
           or new.kind <> program.kind or new.applicant_kind <> program.beneficiary then
            raise exception 'subsidy program % takes no such application', new.program_id
                using errcode = 'check_violation', constraint = 'subsidy_application_program_open',
                      table = 'subsidy_application';
        end if;
        if new.status <> 'SUBMITTED' or new.step <> 1 or new.approved_fen is not null or new.steps <> program.review_steps
           or new.rounds <> 1 or new.version <> 0 then
            raise exception 'a subsidy application starts submitted at step 1'
                using errcode = 'check_violation', constraint = 'subsidy_application_transition',
                      table = 'subsidy_application';
        end if;
        return new;
    end if;
    if old.status in ('APPROVED', 'REJECTED') then
        raise exception 'subsidy application % is % for good', old.id, old.status
            using errcode = 'check_violation', constraint = 'subsidy_application_final', table = 'subsidy_application';
    end if;
    if new.program_id <> old.program_id or new.kind <> old.kind or new.applicant_kind <> old.applicant_kind
       or new.enterprise_id is distinct from old.enterprise_id or new.worker_id is distinct from old.worker_id
       or new.region_code <> old.region_code or new.steps <> old.steps or new.submitted_at <> old.submitted_at
       or new.version <> old.version + 1 then
        raise exception 'subsidy application % keeps its program, applicant, region and steps', old.id
            using errcode = 'check_violation', constraint = 'subsidy_application_fixed', table = 'subsidy_application';
    end if;
    if not (
        -- the next step, after an approval of one that was not the last
        (old.status in ('SUBMITTED', 'IN_REVIEW') and new.status = 'IN_REVIEW' and new.step = old.step + 1)
        -- the last step approved
        or (old.status in ('SUBMITTED', 'IN_REVIEW') and new.status = 'APPROVED' and new.step = old.step
            and old.step = jsonb_array_length(old.steps))
        -- returned to the applicant or rejected at the step waiting
        or (old.status in ('SUBMITTED', 'IN_REVIEW') and new.status in ('RETURNED', 'REJECTED') and new.step = old.step)
        -- resubmitted: from the first step again, one more round
        or (old.status = 'RETURNED' and new.status = 'SUBMITTED' and new.step = 1 and new.rounds = old.rounds + 1)
        -- evidence added while nobody decided yet: only the version moves
        or (old.status in ('SUBMITTED', 'RETURNED') and new.status = old.status and new.step = old.step)) then
        raise exception 'subsidy application % cannot go from % (step %) to % (step %)', old.id, old.status, old.step,
            new.status, new.step
            using errcode = 'check_violation', constraint = 'subsidy_application_transition',
                  table = 'subsidy_application';
    end if;
    if new.status <> 'SUBMITTED' or old.status <> 'RETURNED' then
        if new.facts <> old.facts or new.case_data <> old.case_data or new.assessment <> old.assessment
           or new.amount_fen <> old.amount_fen or new.eligible <> old.eligible or new.rounds <> old.rounds then
            raise exception 'subsidy application % keeps its case until it is resubmitted', old.id
                using errcode = 'check_violation', constraint = 'subsidy_application_case_frozen',
                      table = 'subsidy_application';
        end if;
    end if;
    return new;
end $$;
create trigger subsidy_application_guard before insert or update or delete on subsidy_application
    for each row execute function subsidy_application_guard();

alter table subsidy_application enable row level security;
alter table subsidy_application force row level security;
create policy subsidy_application_scope on subsidy_application
    using (region_code like current_setting('chunfeng.scope', true) || '%')
    with check (region_code like current_setting('chunfeng.scope', true) || '%');

-- ---------------------------------------------------------------- decisions
-- Every decision, for good: who, at which step of which round, what, why, and the assessment it was taken on. One
-- decision per version of the application: two reviewers deciding on the same version make one decision.
create table subsidy_decision (
    id              bigint generated always as identity primary key,
    application_id  bigint not null constraint subsidy_decision_application_fk references subsidy_application (id),
    -- the application's version the decision was taken on
    based_on        int not null,
    round           int not null,
    step            int not null,
    level           text not null check (level in ('COUNTY', 'CITY', 'PROVINCE', 'APPLICANT')),
    decision        text not null check (decision in ('APPROVE', 'RETURN', 'REJECT', 'RESUBMIT')),
    reason          text constraint subsidy_decision_reason check (length(reason) <= 500),
    assessment      jsonb,
    decided_by      text not null,
    decided_at      timestamptz not null default now(),
    constraint subsidy_decision_once unique (application_id, based_on),
    constraint subsidy_decision_reasoned check (decision not in ('RETURN', 'REJECT') or reason is not null)
);
create index subsidy_decision_application on subsidy_decision (application_id, id);

create function subsidy_decision_kept() returns trigger language plpgsql as $$
begin
    raise exception 'subsidy decisions are kept as they were'
        using errcode = 'check_violation', constraint = 'subsidy_decision_kept', table = 'subsidy_decision';
end $$;
create trigger subsidy_decision_kept before update or delete on subsidy_decision
    for each row execute function subsidy_decision_kept();

alter table subsidy_decision enable row level security;
alter table subsidy_decision force row level security;
create policy subsidy_decision_scope on subsidy_decision
    using (exists (select 1 from subsidy_application a where a.id = application_id))
    with check (exists (select 1 from subsidy_application a where a.id = application_id));

-- ---------------------------------------------------------------- what an approval granted
-- The parts of an approved amount by person (trainee months, living-subsidy months, stay-put workers, completions),
-- so that the next application of the same person knows what was paid before, under any program.
create table subsidy_granted_unit (
    application_id  bigint not null constraint subsidy_granted_unit_application_fk references subsidy_application (id),
    kind            text not null,
    worker_id       bigint constraint subsidy_granted_unit_worker_fk references worker (id),
    enterprise_id   bigint constraint subsidy_granted_unit_enterprise_fk references enterprise (id),
    -- the month of a living subsidy (yyyy-MM), the referral of a training subsidy, or empty
    unit            text not null default '',
    quantity        int not null constraint subsidy_granted_unit_quantity check (quantity > 0),
    amount_fen      bigint not null constraint subsidy_granted_unit_amount check (amount_fen >= 0),
    program_id      bigint not null,
    policy_year     int not null,
    region_code     char(6) not null,
    granted_at      timestamptz not null default now(),
    constraint subsidy_granted_unit_once unique (application_id, worker_id, unit)
);
create index subsidy_granted_unit_worker on subsidy_granted_unit (worker_id, kind);
create index subsidy_granted_unit_enterprise on subsidy_granted_unit (enterprise_id, program_id);
create trigger subsidy_granted_unit_kept before update or delete on subsidy_granted_unit
    for each row execute function subsidy_decision_kept();
alter table subsidy_granted_unit enable row level security;
alter table subsidy_granted_unit force row level security;
create policy subsidy_granted_unit_scope on subsidy_granted_unit
    using (region_code like current_setting('chunfeng.scope', true) || '%')
    with check (region_code like current_setting('chunfeng.scope', true) || '%');

-- ---------------------------------------------------------------- evidence
-- Attachments (PDF, JPEG, PNG), checked by their first bytes before they are stored; the content lives here, bytea.
create table subsidy_evidence (
    id              bigint generated always as identity primary key,
    application_id  bigint not null constraint subsidy_evidence_application_fk references subsidy_application (id),
    file_name       text not null constraint subsidy_evidence_name check (length(file_name) between 1 and 200),
    content_type    text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes      bigint not null constraint subsidy_evidence_size check (size_bytes between 1 and 104857600),
    sha256          char(64) not null constraint subsidy_evidence_sha check (sha256 ~ '^[0-9a-f]{64}$'),
    content         bytea not null,
    uploaded_by     text not null,
    uploaded_at     timestamptz not null default now(),
    constraint subsidy_evidence_content check (octet_length(content) = size_bytes)
);
create index subsidy_evidence_application on subsidy_evidence (application_id, id);
create trigger subsidy_evidence_kept before update on subsidy_evidence
    for each row execute function subsidy_decision_kept();
alter table subsidy_evidence enable row level security;
alter table subsidy_evidence force row level security;
create policy subsidy_evidence_scope on subsidy_evidence
    using (exists (select 1 from subsidy_application a where a.id = application_id))
    with check (exists (select 1 from subsidy_application a where a.id = application_id));
