-- Vocational training (职业技能培训, issue 6): a catalogue of training projects run for the bureau by providers, and
-- referrals of workers to them (推荐), which the worker accepts (报名/入班) or declines, and which end in completion
-- (结业, the fact the vocational training subsidy is later paid on) or a drop-out. The promises that matter are kept
-- here: never more trainees enrolled than the project has places, one referral per worker and project, and a
-- referral that only moves forward, so a completion is recorded once.

select set_config('chunfeng.scope', '', true);

-- ---------------------------------------------------------------- projects
-- 培训项目. region_code is the organising bureau's district: its staff keep the project and decide enrolments and
-- completions. The catalogue is public: anybody reads every project (a worker of another district may be referred
-- to it, and a referral shows its project whatever became of it).
create table training_project (
    id               bigint generated always as identity primary key,
    region_code      char(6) not null constraint training_project_region_fk references region (code),
    -- 培训机构
    provider         text not null constraint training_project_provider check (length(btrim(provider)) between 1 and 100),
    title            text not null constraint training_project_title check (length(btrim(title)) between 1 and 80),
    occupation_code  varchar(12) not null constraint training_project_occupation_fk references occupation (code),
    -- 培训内容: skills taught, free words such as 低压电工作业 or 直播带货
    skills           text[] not null default '{}'
                     constraint training_project_skills check (cardinality(skills) <= 20
                                                                and array_position(skills, null) is null),
    description      text not null default '' constraint training_project_description check (length(description) <= 2000),
    delivery         text not null check (delivery in ('ONLINE', 'OFFLINE')),
    -- where it is delivered: the county and the venue (an online course may name its platform instead)
    venue_region     char(6) constraint training_project_venue_region_fk references region (code),
    venue            text constraint training_project_venue check (length(btrim(venue)) between 1 and 200),
    start_date       date not null,
    end_date         date not null,
    places           int not null constraint training_project_places_range check (places between 1 and 10000),
    -- maintained by the trigger on training_referral under this row's lock: never by the application directly
    enrolled         int not null default 0 check (enrolled >= 0),
    -- 是否纳入补贴目录, and the catalogue rate per completion (fen); the rate may follow the listing
    subsidy_eligible boolean not null default false,
    subsidy_fen      bigint constraint training_project_subsidy_fen check (subsidy_fen between 1 and 10000000),
    status           text not null default 'OPEN' check (status in ('OPEN', 'CLOSED', 'CANCELLED')),
    cancel_reason    text constraint training_project_cancel_reason check (length(cancel_reason) <= 200),
    created_by       text not null,
    created_at       timestamptz not null default now(),
    closed_at        timestamptz,
    updated_at       timestamptz not null default now(),
    version          int not null default 0,
    -- the promise that matters: never more trainees than places
    constraint training_project_places check (enrolled <= places),
    constraint training_project_dates check (end_date >= start_date and end_date - start_date <= 730),
    constraint training_project_subsidy check (subsidy_eligible or subsidy_fen is null),
    constraint training_project_offline_venue check (delivery = 'ONLINE'
                                                     or (venue_region is not null and venue is not null)),
    constraint training_project_cancelled check ((status = 'CANCELLED') = (cancel_reason is not null)
                                                 and (status <> 'CANCELLED' or length(btrim(cancel_reason)) > 0)),
    constraint training_project_closed check ((status = 'OPEN') = (closed_at is null))
);
create index training_project_region on training_project (region_code bpchar_pattern_ops, start_date);
create index training_project_status_dates on training_project (status, start_date, end_date);
create index training_project_occupation on training_project (occupation_code);

-- A project's life: open (takes referrals and enrolments) → closed (enrolment over; its trainees still complete or
-- drop out) or cancelled (with a reason; nothing moves any more). Its enrolment count moves only with its referrals.
create function training_project_guard() returns trigger language plpgsql as $$
begin
    if new.status is distinct from old.status and not (
        (old.status = 'OPEN' and new.status in ('CLOSED', 'CANCELLED'))) then
        raise exception 'training project % cannot go from % to %', old.id, old.status, new.status
            using errcode = 'check_violation', constraint = 'training_project_transition', table = 'training_project';
    end if;
    if new.region_code <> old.region_code then
        raise exception 'training project % stays with its district', old.id
            using errcode = 'check_violation', constraint = 'training_project_fixed', table = 'training_project';
    end if;
    if current_setting('chunfeng.training_counting', true) is distinct from 'on' then
        if new.enrolled <> old.enrolled then
            raise exception 'training project % counts its enrolments from its referrals', old.id
                using errcode = 'check_violation', constraint = 'training_project_enrolled_counted',
                      table = 'training_project';
        end if;
        if old.status = 'CANCELLED' then
            raise exception 'training project % is cancelled', old.id
                using errcode = 'check_violation', constraint = 'training_project_cancelled_fixed',
                      table = 'training_project';
        end if;
    end if;
    return new;
end $$;
create trigger training_project_guard before update on training_project
    for each row execute function training_project_guard();

alter table training_project enable row level security;
alter table training_project force row level security;
create policy training_project_read on training_project for select using (true);
create policy training_project_insert on training_project for insert
    with check (region_code like current_setting('chunfeng.scope', true) || '%');
create policy training_project_update on training_project for update
    using (region_code like current_setting('chunfeng.scope', true) || '%')
    with check (region_code like current_setting('chunfeng.scope', true) || '%');
create policy training_project_delete on training_project for delete
    using (region_code like current_setting('chunfeng.scope', true) || '%');

-- ---------------------------------------------------------------- referrals
-- 培训推荐: one per worker and project. region_code is the worker's residence when referred (the worker's bureau follows
-- it there); the worker's name and masked mobile are copied in, so the project's bureau in another district sees
-- its trainees without seeing their records.
create table training_referral (
    id                   bigint generated always as identity primary key,
    project_id           bigint not null constraint training_referral_project_fk references training_project (id),
    worker_id            bigint not null constraint training_referral_worker_fk references worker (id),
    region_code          char(6) not null check (region_code ~ '^[0-9]{6}$'),
    worker_name          text not null,
    worker_mobile_masked text,
    status               text not null default 'REFERRED'
                         check (status in ('REFERRED', 'ENROLLED', 'COMPLETED', 'DECLINED', 'DROPPED_OUT')),
    -- the referring caseworker's word, then the latest word on the referral (why declined, why dropped out)
    note                 text constraint training_referral_note check (length(note) <= 500),
    outcome_note         text constraint training_referral_outcome_note check (length(outcome_note) <= 500),
    -- 结业证书编号, if the provider issues one
    certificate_no       text constraint training_referral_certificate check (length(btrim(certificate_no)) between 1 and 60),
    referred_by          text not null,
    referred_at          timestamptz not null default now(),
    enrolled_at          timestamptz,
    completed_at         timestamptz,
    ended_at             timestamptz,
    updated_at           timestamptz not null default now(),
    version              int not null default 0,
    constraint training_referral_once unique (project_id, worker_id),
    constraint training_referral_enrolled check ((status in ('ENROLLED', 'COMPLETED', 'DROPPED_OUT'))
                                                 = (enrolled_at is not null)),
    constraint training_referral_completed check ((status = 'COMPLETED') = (completed_at is not null)
                                                  and (certificate_no is null or status = 'COMPLETED')),
    constraint training_referral_ended check ((status in ('DECLINED', 'DROPPED_OUT')) = (ended_at is not null))
);
create index training_referral_worker on training_referral (worker_id, referred_at desc);
create index training_referral_project on training_referral (project_id, status);
create index training_referral_region on training_referral (region_code bpchar_pattern_ops);

-- Referrals only to an open project that has not ended; states only forward (referred → enrolled → completed, or
-- declined from referred, dropped out from enrolled). An enrolment takes a place from the project in the same
-- transaction, under the project's row lock, so the CHECK on training_project refuses the one too many, also among
-- concurrent enrolments; a drop-out gives its place back. A completion needs a project that is not cancelled and has
-- begun.
create function training_referral_guard() returns trigger language plpgsql as $$
declare
    scope   text := coalesce(current_setting('chunfeng.scope', true), '-');
    project training_project%rowtype;
    delta   int := 0;
begin
    perform set_config('chunfeng.scope', '', true);
    if tg_op = 'INSERT' then
        select * into project from training_project where id = new.project_id;
        if new.status <> 'REFERRED' or not found or project.status <> 'OPEN' or project.end_date < current_date then
            raise exception 'training project % takes no referrals', new.project_id
                using errcode = 'check_violation', constraint = 'training_referral_project_open',
                      table = 'training_referral';
        end if;
        perform set_config('chunfeng.scope', scope, true);
        return new;
    end if;
    if new.project_id <> old.project_id or new.worker_id <> old.worker_id or new.region_code <> old.region_code then
        raise exception 'training referral % cannot move to another project, worker or district', old.id
            using errcode = 'check_violation', constraint = 'training_referral_fixed', table = 'training_referral';
    end if;
    if new.status is distinct from old.status then
        if not ((old.status = 'REFERRED' and new.status in ('ENROLLED', 'DECLINED'))
                or (old.status = 'ENROLLED' and new.status in ('COMPLETED', 'DROPPED_OUT'))) then
            raise exception 'training referral % cannot go from % to %', old.id, old.status, new.status
                using errcode = 'check_violation', constraint = 'training_referral_transition',
                      table = 'training_referral';
        end if;
        if new.status = 'ENROLLED' then
            delta := 1;
        elsif new.status = 'DROPPED_OUT' then
            delta := -1;
        end if;
        if new.status = 'COMPLETED' then
            perform 1 from training_project p
             where p.id = new.project_id and p.status <> 'CANCELLED' and p.start_date <= current_date;
            if not found then
                raise exception 'training project % completes nobody now', new.project_id
                    using errcode = 'check_violation', constraint = 'training_referral_completion_open',
                          table = 'training_referral';
            end if;
        end if;
    end if;
    if delta <> 0 then
        perform set_config('chunfeng.training_counting', 'on', true);
        if delta > 0 then
            update training_project set enrolled = enrolled + 1, updated_at = now(), version = version + 1
             where id = new.project_id and status = 'OPEN' and end_date >= current_date;
            if not found then
                raise exception 'training project % takes no enrolments', new.project_id
                    using errcode = 'check_violation', constraint = 'training_referral_enrolment_open',
                          table = 'training_referral';
            end if;
        else
            update training_project set enrolled = enrolled - 1, updated_at = now(), version = version + 1
             where id = new.project_id;
        end if;
        perform set_config('chunfeng.training_counting', 'off', true);
    end if;
    perform set_config('chunfeng.scope', scope, true);
    return new;
end $$;
create trigger training_referral_guard before insert or update on training_referral
    for each row execute function training_referral_guard();

alter table training_referral enable row level security;
alter table training_referral force row level security;
-- the project's bureau, and the worker's side (the bureau of the worker's district, the worker)
create policy training_referral_scope on training_referral
    using (region_code like current_setting('chunfeng.scope', true) || '%'
           or exists (select 1 from training_project p
                      where p.id = project_id and p.region_code like current_setting('chunfeng.scope', true) || '%'))
    with check (region_code like current_setting('chunfeng.scope', true) || '%'
                or exists (select 1 from training_project p
                           where p.id = project_id
                             and p.region_code like current_setting('chunfeng.scope', true) || '%'));
