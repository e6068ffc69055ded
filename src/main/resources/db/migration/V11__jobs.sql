-- Jobs (issue 5): postings reviewed by the bureau, applications moved by the enterprise, and a headcount that the
-- database itself never lets hires exceed. Also the table of db-scheduler, which runs cluster-safe background work.

select set_config('chunfeng.scope', '', true);

-- ---------------------------------------------------------------- background work (db-scheduler's own table)
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);

-- ---------------------------------------------------------------- postings
-- 招聘岗位. region_code is the posting enterprise's region: the bureau of that region reviews and oversees it.
create table job_posting (
    id                bigint generated always as identity primary key,
    enterprise_id     bigint not null constraint job_posting_enterprise_fk references enterprise (id),
    -- copied when posted or revised: the public board and applicants elsewhere see the name, not the enterprise row
    enterprise_name   text not null,
    region_code       char(6) not null check (region_code ~ '^[0-9]{6}$'),
    title             text not null constraint job_posting_title check (length(btrim(title)) between 1 and 60),
    occupation_code   varchar(12) not null constraint job_posting_occupation_fk references occupation (code),
    description       text not null default '' constraint job_posting_description check (length(description) <= 4000),
    -- 技能要求: free words such as 电焊 or 叉车证
    skills            text[] not null default '{}'
                      constraint job_posting_skills check (cardinality(skills) <= 20
                                                            and array_position(skills, null) is null),
    workplace_region  char(6) not null constraint job_posting_workplace_region_fk references region (code),
    workplace_address text constraint job_posting_workplace_address check (length(workplace_address) <= 200),
    -- 月薪, whole yuan
    wage_min          int not null constraint job_posting_wage_min check (wage_min between 0 and 1000000),
    wage_max          int not null constraint job_posting_wage_max check (wage_max between wage_min and 1000000),
    headcount         int not null constraint job_posting_headcount_range check (headcount between 1 and 100000),
    -- maintained by the trigger on job_application: never by the application directly
    hired             int not null default 0 check (hired >= 0),
    start_date        date not null,
    end_date          date not null,
    shifts            text[] not null default '{}'
                      constraint job_posting_shifts check (shifts <@ array['DAY', 'NIGHT', 'TWO_SHIFTS', 'THREE_SHIFTS',
                                                                             'FLEXIBLE']::text[]),
    meals             boolean not null default false,
    housing           boolean not null default false,
    -- 春节期间在岗
    through_festival  boolean not null default false,
    kind              text not null check (kind in ('REGULAR', 'SEASONAL', 'PUBLIC_DISINFECTION',
                                                    'PUBLIC_EPIDEMIC_PREVENTION', 'PUBLIC_COMMUNITY_SERVICE',
                                                    'EMPLOYEE_SHARING')),
    -- 重点群体: reserved for them, or open to them first until priority_until
    access            text not null default 'OPEN' check (access in ('OPEN', 'KEY_GROUPS_FIRST', 'KEY_GROUPS_ONLY')),
    priority_until    date,
    status            text not null default 'PENDING_REVIEW'
                      check (status in ('PENDING_REVIEW', 'RETURNED', 'PUBLISHED', 'FILLED', 'CLOSED')),
    review_note       text constraint job_posting_review_note check (length(review_note) <= 500),
    reviewed_by       text,
    reviewed_at       timestamptz,
    published_at      timestamptz,
    closed_at         timestamptz,
    posted_by         text not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           int not null default 0,
    -- the promise that matters: never more hires than places
    constraint job_posting_headcount check (hired <= headcount),
    constraint job_posting_dates check (end_date >= start_date),
    constraint job_posting_priority check ((access = 'KEY_GROUPS_FIRST') = (priority_until is not null)),
    constraint job_posting_returned_reason check (status <> 'RETURNED' or length(btrim(review_note)) > 0),
    constraint job_posting_filled check ((status <> 'FILLED' or hired = headcount)
                                         and (status <> 'PUBLISHED' or hired < headcount)),
    constraint job_posting_published check (status in ('PENDING_REVIEW', 'RETURNED') or published_at is not null
                                            or status = 'CLOSED')
);
create index job_posting_region on job_posting (region_code bpchar_pattern_ops, status);
create index job_posting_enterprise on job_posting (enterprise_id, created_at desc);
create index job_posting_status_end on job_posting (status, end_date);
-- the search index follows changes by this column (several instances, each with its own index)
create index job_posting_updated on job_posting (updated_at);

-- A posting's life: submitted → published or returned (then revised and submitted again) → filled or closed.
create function job_posting_transition() returns trigger language plpgsql as $$
begin
    if new.status is distinct from old.status and not (
        (old.status = 'PENDING_REVIEW' and new.status in ('PUBLISHED', 'RETURNED', 'CLOSED'))
        or (old.status = 'RETURNED' and new.status in ('PENDING_REVIEW', 'CLOSED'))
        or (old.status = 'PUBLISHED' and new.status in ('FILLED', 'CLOSED'))) then
        raise exception 'job posting % cannot go from % to %', old.id, old.status, new.status
            using errcode = 'check_violation', constraint = 'job_posting_transition', table = 'job_posting';
    end if;
    if new.hired <> old.hired and current_setting('chunfeng.hiring', true) is distinct from 'on' then
        raise exception 'job posting % hires are counted from its applications', old.id
            using errcode = 'check_violation', constraint = 'job_posting_hired_counted', table = 'job_posting';
    end if;
    return new;
end $$;
create trigger job_posting_transition before update on job_posting
    for each row execute function job_posting_transition();

alter table job_posting enable row level security;
alter table job_posting force row level security;
-- a published posting (and one that was, now filled or closed) is public: the job board shows it to anybody
create policy job_posting_read on job_posting for select
    using (region_code like current_setting('chunfeng.scope', true) || '%'
           or status in ('PUBLISHED', 'FILLED') or (status = 'CLOSED' and published_at is not null));
create policy job_posting_insert on job_posting for insert
    with check (region_code like current_setting('chunfeng.scope', true) || '%');
create policy job_posting_update on job_posting for update
    using (region_code like current_setting('chunfeng.scope', true) || '%')
    with check (region_code like current_setting('chunfeng.scope', true) || '%');
create policy job_posting_delete on job_posting for delete
    using (region_code like current_setting('chunfeng.scope', true) || '%');

-- ---------------------------------------------------------------- applications
-- 求职申请. The applicant's name and masked mobile are copied in: the enterprise, in another district than the
-- worker, sees them without seeing the worker's record.
create table job_application (
    id                      bigint generated always as identity primary key,
    posting_id              bigint not null constraint job_application_posting_fk references job_posting (id),
    worker_id               bigint not null constraint job_application_worker_fk references worker (id),
    applicant_name          text not null,
    applicant_mobile_masked text,
    channel                 text not null check (channel in ('SELF', 'CASEWORKER', 'FAIR')),
    status                  text not null default 'APPLIED'
                            check (status in ('APPLIED', 'INTERVIEW', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN')),
    -- the applicant's message, then the enterprise's latest word (interview time, reason for a rejection)
    message                 text constraint job_application_message check (length(message) <= 500),
    note                    text constraint job_application_note check (length(note) <= 500),
    applied_by              text not null,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    version                 int not null default 0,
    constraint job_application_once unique (posting_id, worker_id)
);
create index job_application_worker on job_application (worker_id, created_at desc);

-- Applications only to an open posting; states only forward; a hire takes a place from the posting in the same
-- transaction, under the posting's row lock, so the headcount check above refuses the hire one too many.
create function job_application_guard() returns trigger language plpgsql as $$
declare
    posting job_posting%rowtype;
begin
    if tg_op = 'INSERT' then
        select * into posting from job_posting where id = new.posting_id;
        if new.status <> 'APPLIED' or not found or posting.status <> 'PUBLISHED' or posting.end_date < current_date then
            raise exception 'job posting % takes no applications', new.posting_id
                using errcode = 'check_violation', constraint = 'job_application_posting_open',
                      table = 'job_application';
        end if;
        return new;
    end if;
    if new.posting_id <> old.posting_id or new.worker_id <> old.worker_id then
        raise exception 'job application % cannot move to another posting or worker', old.id
            using errcode = 'check_violation', constraint = 'job_application_fixed', table = 'job_application';
    end if;
    if new.status is distinct from old.status and not (
        (old.status = 'APPLIED' and new.status in ('INTERVIEW', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN'))
        or (old.status = 'INTERVIEW' and new.status in ('OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN'))
        or (old.status = 'OFFERED' and new.status in ('HIRED', 'REJECTED', 'WITHDRAWN'))) then
        raise exception 'job application % cannot go from % to %', old.id, old.status, new.status
            using errcode = 'check_violation', constraint = 'job_application_transition', table = 'job_application';
    end if;
    if new.status = 'HIRED' and old.status <> 'HIRED' then
        perform set_config('chunfeng.hiring', 'on', true);
        update job_posting
           set hired = hired + 1,
               status = case when status = 'PUBLISHED' and hired + 1 = headcount then 'FILLED' else status end,
               closed_at = case when status = 'PUBLISHED' and hired + 1 = headcount then now() else closed_at end,
               updated_at = now(),
               version = version + 1
         where id = new.posting_id;
        if not found then
            raise exception 'job posting % is not the current user''s to hire for', new.posting_id
                using errcode = 'insufficient_privilege';
        end if;
        perform set_config('chunfeng.hiring', 'off', true);
    end if;
    return new;
end $$;
create trigger job_application_guard before insert or update on job_application
    for each row execute function job_application_guard();

alter table job_application enable row level security;
alter table job_application force row level security;
-- seen by the bureau and enterprise of the posting, and by those who may see the applicant
create policy job_application_scope on job_application
    using (exists (select 1 from job_posting p where p.id = posting_id
                                                 and p.region_code like current_setting('chunfeng.scope', true) || '%')
           or exists (select 1 from worker w where w.id = worker_id))
    with check (exists (select 1 from job_posting p where p.id = posting_id
                                                      and p.region_code like current_setting('chunfeng.scope', true) || '%')
                or exists (select 1 from worker w where w.id = worker_id));
