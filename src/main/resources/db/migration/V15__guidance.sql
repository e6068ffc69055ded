-- The 131 service (issue 6): career guidance (职业指导) recorded by caseworkers and asked for by workers, and the
-- training referrals heard from the training module; with job_lead (V14) they make each key-group worker's 131 record.
-- A session or request belongs to the worker's district (region_code = the worker's residence when it was written).
-- Row-level security as elsewhere, and like the child tables of V7 a row also follows its worker: a worker who moved
-- keeps the guidance of the old district in the new district's 131 record.

select set_config('chunfeng.scope', '', true);

-- ---------------------------------------------------------------- requests
-- 申请职业指导: a worker asks on the phone; a caseworker of the district answers by recording a session.
create table guidance_request (
    id           bigint generated always as identity primary key,
    worker_id    bigint not null constraint guidance_request_worker_fk references worker (id),
    region_code  char(6) not null check (region_code ~ '^[0-9]{6}$'),
    -- the channel the worker prefers
    channel      text not null check (channel in ('COUNTER', 'PHONE', 'ONLINE')),
    note         text not null default '' constraint guidance_request_note check (length(note) <= 200),
    status       text not null default 'OPEN' check (status in ('OPEN', 'ANSWERED')),
    requested_by text not null,
    requested_at timestamptz not null default now(),
    answered_at  timestamptz,
    -- the session that answered it
    session_id   bigint,
    constraint guidance_request_answered check ((status = 'ANSWERED') = (answered_at is not null)
                                                and (status = 'ANSWERED') = (session_id is not null))
);
-- at most one open request per worker, whatever instance or retry asks
create unique index guidance_request_one_open on guidance_request (worker_id) where status = 'OPEN';
create index guidance_request_open_region on guidance_request (region_code bpchar_pattern_ops, requested_at)
    where status = 'OPEN';
create index guidance_request_worker on guidance_request (worker_id, requested_at desc);

-- ---------------------------------------------------------------- sessions
-- 职业指导记录: the "1 guidance" of the 131 service.
create table guidance_session (
    id           bigint generated always as identity primary key,
    worker_id    bigint not null constraint guidance_session_worker_fk references worker (id),
    region_code  char(6) not null check (region_code ~ '^[0-9]{6}$'),
    held_on      date not null,
    channel      text not null check (channel in ('COUNTER', 'PHONE', 'ONLINE')),
    topics       text[] not null
                 constraint guidance_session_topics check (
                     cardinality(topics) between 1 and 6
                     and topics <@ array['JOB_SEARCH', 'CAREER_PLANNING', 'POLICY', 'SKILLS_TRAINING', 'RIGHTS',
                                         'ENTREPRENEURSHIP']::text[]
                     and array_position(topics, null) is null),
    notes        text not null default '' constraint guidance_session_notes check (length(notes) <= 1000),
    -- 回访日期: not before the session, within a year
    follow_up_on date constraint guidance_session_follow_up check (follow_up_on >= held_on
                                                                   and follow_up_on <= held_on + 366),
    request_id   bigint constraint guidance_session_request_fk references guidance_request (id)
                 constraint guidance_session_request_once unique,
    recorded_by  text not null,
    recorded_at  timestamptz not null default now()
);
create index guidance_session_worker on guidance_session (worker_id, held_on desc, id desc);
create index guidance_session_follow_up on guidance_session (region_code bpchar_pattern_ops, follow_up_on)
    where follow_up_on is not null;

alter table guidance_request add constraint guidance_request_session_fk
    foreign key (session_id) references guidance_session (id);

-- A request is answered once, by a session of its worker; an answered request stays answered.
create function guidance_request_guard() returns trigger language plpgsql as $$
begin
    if new.worker_id <> old.worker_id then
        raise exception 'guidance request % cannot move to another worker', old.id
            using errcode = 'check_violation', constraint = 'guidance_request_fixed', table = 'guidance_request';
    end if;
    if old.status = 'ANSWERED' and (new.status, new.session_id) is distinct from (old.status, old.session_id) then
        raise exception 'guidance request % is answered', old.id
            using errcode = 'check_violation', constraint = 'guidance_request_answered_once',
                  table = 'guidance_request';
    end if;
    return new;
end $$;
create trigger guidance_request_guard before update on guidance_request
    for each row execute function guidance_request_guard();

-- ---------------------------------------------------------------- training referrals
-- The "1 training" of the 131 service: each referral the training module announced (TrainingReferred), once by its
-- id, so that an event delivered twice counts once.
create table service131_training (
    referral_id  bigint primary key,
    worker_id    bigint not null constraint service131_training_worker_fk references worker (id),
    project_id   bigint not null,
    region_code  char(6) not null check (region_code ~ '^[0-9]{6}$'),
    referred_at  timestamptz not null default now()
);
create index service131_training_worker on service131_training (worker_id);

-- ---------------------------------------------------------------- row-level security
alter table guidance_request enable row level security;
alter table guidance_request force row level security;
create policy guidance_request_scope on guidance_request
    using (region_code like current_setting('chunfeng.scope', true) || '%'
           or exists (select 1 from worker w where w.id = worker_id))
    with check (region_code like current_setting('chunfeng.scope', true) || '%');

alter table guidance_session enable row level security;
alter table guidance_session force row level security;
create policy guidance_session_scope on guidance_session
    using (region_code like current_setting('chunfeng.scope', true) || '%'
           or exists (select 1 from worker w where w.id = worker_id))
    with check (region_code like current_setting('chunfeng.scope', true) || '%');

alter table service131_training enable row level security;
alter table service131_training force row level security;
create policy service131_training_scope on service131_training
    using (region_code like current_setting('chunfeng.scope', true) || '%'
           or exists (select 1 from worker w where w.id = worker_id))
    with check (region_code like current_setting('chunfeng.scope', true) || '%');

-- ---------------------------------------------------------------- the tracker's population
-- The 131 figures read the key-group workers of a region prefix (millions in a province): this partial index holds
-- exactly them, with the id for the joins, so the figures never read the other workers.
create index worker_key_group_population on worker (residence_region bpchar_pattern_ops, id)
    where key_groups <> '{}' and merged_into is null;
