-- Special recruitment fairs (专场招聘会, issue 6): fairs online and offline, recurring series, booths of enterprises
-- with their postings, registrations with single-use tickets checked in at the door, and intentions recorded at the
-- booth that become applications and are followed up into hires. The promises that matter are kept here: never more
-- confirmed booths than the venue holds, never more registrations than the fair admits, one booth per enterprise and
-- one registration per worker per fair, and a ticket checked in once.

select set_config('chunfeng.scope', '', true);

-- ---------------------------------------------------------------- series
-- 系列招聘会: e.g. every Tuesday and Friday until 31 March. Its fairs are generated once, each then a fair of its own.
create table fair_series (
    id          bigint generated always as identity primary key,
    region_code char(6) not null constraint fair_series_region_fk references region (code),
    title       text not null constraint fair_series_title check (length(btrim(title)) between 1 and 80),
    -- ISO days of the week, 1 = Monday
    weekdays    smallint[] not null
                constraint fair_series_weekdays check (cardinality(weekdays) between 1 and 7
                                                       and weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[]
                                                       and array_position(weekdays, null) is null),
    first_day   date not null,
    last_day    date not null,
    start_time  time not null,
    end_time    time not null,
    created_by  text not null,
    created_at  timestamptz not null default now(),
    constraint fair_series_days check (last_day >= first_day and last_day - first_day <= 366),
    constraint fair_series_times check (end_time > start_time)
);
create index fair_series_region on fair_series (region_code bpchar_pattern_ops, first_day);

alter table fair_series enable row level security;
alter table fair_series force row level security;
create policy fair_series_scope on fair_series
    using (region_code like current_setting('chunfeng.scope', true) || '%')
    with check (region_code like current_setting('chunfeng.scope', true) || '%');

-- ---------------------------------------------------------------- fairs
-- region_code is the organising bureau's region: its staff plan and run the fair. A published fair (and one that was
-- published, then cancelled) is public: anybody reads it, workers and enterprises of every district take part.
create table fair (
    id                bigint generated always as identity primary key,
    series_id         bigint constraint fair_series_fk references fair_series (id),
    region_code       char(6) not null constraint fair_region_fk references region (code),
    title             text not null constraint fair_title check (length(btrim(title)) between 1 and 80),
    mode              text not null check (mode in ('ONLINE', 'OFFLINE')),
    venue             text constraint fair_venue check (length(btrim(venue)) between 1 and 100),
    address           text constraint fair_address check (length(btrim(address)) between 1 and 200),
    -- 展位数: an offline venue's booths; an online fair may leave it open
    booth_capacity    int constraint fair_booth_capacity check (booth_capacity between 1 and 10000),
    -- 入场人数上限, if any
    attendee_capacity int constraint fair_attendee_capacity check (attendee_capacity between 1 and 1000000),
    starts_at         timestamptz not null,
    ends_at           timestamptz not null,
    -- 主题: a fair for one industry (GB/T 4754) or one occupation, or a general one
    theme             text not null default 'GENERAL' check (theme in ('GENERAL', 'INDUSTRY', 'OCCUPATION')),
    theme_industry    varchar(5) constraint fair_theme_industry_fk references industry (code),
    theme_occupation  varchar(12) constraint fair_theme_occupation_fk references occupation (code),
    -- 主办单位: the bureau itself (HRSS) or a partner agency
    organiser         text not null default 'HRSS' constraint fair_organiser_fk references partner_agency (code),
    description       text not null default '' constraint fair_description check (length(description) <= 2000),
    status            text not null default 'PLANNED' check (status in ('PLANNED', 'PUBLISHED', 'CANCELLED')),
    cancel_reason     text constraint fair_cancel_reason check (length(cancel_reason) <= 200),
    -- maintained by the triggers of fair_booth and fair_registration under this row's lock, never directly
    booths_confirmed  int not null default 0 check (booths_confirmed >= 0),
    registered        int not null default 0 check (registered >= 0),
    published_at      timestamptz,
    cancelled_at      timestamptz,
    created_by        text not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           int not null default 0,
    -- the promises that matter: never more confirmed booths than the venue holds, nor more people than it admits
    constraint fair_booths_full check (booths_confirmed <= booth_capacity),
    constraint fair_attendees_full check (registered <= attendee_capacity),
    constraint fair_times check (ends_at > starts_at and ends_at - starts_at <= interval '14 days'),
    constraint fair_offline_venue check (mode = 'ONLINE'
                                         or (venue is not null and address is not null and booth_capacity is not null)),
    constraint fair_theme_code check ((theme = 'INDUSTRY') = (theme_industry is not null)
                                      and (theme = 'OCCUPATION') = (theme_occupation is not null)),
    constraint fair_cancelled check ((status = 'CANCELLED') = (cancelled_at is not null)
                                     and (status <> 'CANCELLED' or length(btrim(cancel_reason)) > 0)),
    constraint fair_published check (status <> 'PUBLISHED' or published_at is not null)
);
create index fair_region_starts on fair (region_code bpchar_pattern_ops, starts_at);
create index fair_status_starts on fair (status, starts_at);
create index fair_series_idx on fair (series_id) where series_id is not null;

-- A fair's life: planned → published → (cancelled); a cancelled fair stays as it was. Its counters move only with its
-- booths and registrations.
create function fair_guard() returns trigger language plpgsql as $$
begin
    if new.status is distinct from old.status and not (
        (old.status = 'PLANNED' and new.status in ('PUBLISHED', 'CANCELLED'))
        or (old.status = 'PUBLISHED' and new.status = 'CANCELLED')) then
        raise exception 'fair % cannot go from % to %', old.id, old.status, new.status
            using errcode = 'check_violation', constraint = 'fair_transition', table = 'fair';
    end if;
    if current_setting('chunfeng.fair_counting', true) is distinct from 'on' then
        if (new.booths_confirmed, new.registered) is distinct from (old.booths_confirmed, old.registered) then
            raise exception 'fair % counts its booths and registrations itself', old.id
                using errcode = 'check_violation', constraint = 'fair_counted', table = 'fair';
        end if;
        if old.status = 'CANCELLED' then
            raise exception 'fair % is cancelled', old.id
                using errcode = 'check_violation', constraint = 'fair_cancelled_fixed', table = 'fair';
        end if;
    end if;
    return new;
end $$;
create trigger fair_guard before update on fair for each row execute function fair_guard();

alter table fair enable row level security;
alter table fair force row level security;
create policy fair_read on fair for select
    using (region_code like current_setting('chunfeng.scope', true) || '%'
           or status = 'PUBLISHED' or (status = 'CANCELLED' and published_at is not null));
create policy fair_insert on fair for insert
    with check (region_code like current_setting('chunfeng.scope', true) || '%');
create policy fair_update on fair for update
    using (region_code like current_setting('chunfeng.scope', true) || '%')
    with check (region_code like current_setting('chunfeng.scope', true) || '%');
create policy fair_delete on fair for delete
    using (region_code like current_setting('chunfeng.scope', true) || '%');

-- ---------------------------------------------------------------- booths
-- 展位: one per enterprise and fair. The enterprise's name is copied in: the public fair page shows it to everybody,
-- and the bureau of another district sees it without seeing the enterprise's record.
create table fair_booth (
    id              bigint generated always as identity primary key,
    fair_id         bigint not null constraint fair_booth_fair_fk references fair (id),
    enterprise_id   bigint not null constraint fair_booth_enterprise_fk references enterprise (id),
    enterprise_name text not null,
    status          text not null default 'REQUESTED'
                    check (status in ('REQUESTED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN')),
    -- the enterprise's wishes (展位需求), then the bureau's reason for declining
    note            text constraint fair_booth_note check (length(note) <= 200),
    decision_note   text constraint fair_booth_decision_note check (length(decision_note) <= 200),
    requested_by    text not null,
    requested_at    timestamptz not null default now(),
    decided_by      text,
    decided_at      timestamptz,
    updated_at      timestamptz not null default now(),
    version         int not null default 0,
    constraint fair_booth_once unique (fair_id, enterprise_id),
    constraint fair_booth_of_fair unique (id, fair_id),
    constraint fair_booth_declined check (status <> 'DECLINED' or length(btrim(decision_note)) > 0)
);
create index fair_booth_enterprise on fair_booth (enterprise_id);

-- A booth is requested at a published fair that has not ended; the fair's bureau confirms or declines it; the
-- enterprise withdraws it, and may ask again. A confirmation takes one of the fair's booths under the fair's row lock,
-- so the capacity check on fair refuses the one too many, also among concurrent confirmations.
create function fair_booth_guard() returns trigger language plpgsql as $$
declare
    scope   text := coalesce(current_setting('chunfeng.scope', true), '-');
    delta   int := (case when new.status = 'CONFIRMED' then 1 else 0 end)
                   - (case when tg_op = 'UPDATE' and old.status = 'CONFIRMED' then 1 else 0 end);
    opening boolean := new.status in ('REQUESTED', 'CONFIRMED')
                       and (tg_op = 'INSERT' or old.status is distinct from new.status);
begin
    if tg_op = 'INSERT' and new.status <> 'REQUESTED' then
        raise exception 'a booth starts as requested'
            using errcode = 'check_violation', constraint = 'fair_booth_transition', table = 'fair_booth';
    end if;
    if tg_op = 'UPDATE' then
        if new.fair_id <> old.fair_id or new.enterprise_id <> old.enterprise_id then
            raise exception 'booth % cannot move to another fair or enterprise', old.id
                using errcode = 'check_violation', constraint = 'fair_booth_fixed', table = 'fair_booth';
        end if;
        if new.status is distinct from old.status and not (
            (old.status = 'REQUESTED' and new.status in ('CONFIRMED', 'DECLINED', 'WITHDRAWN'))
            or (old.status = 'CONFIRMED' and new.status = 'WITHDRAWN')
            or (old.status in ('DECLINED', 'WITHDRAWN') and new.status = 'REQUESTED')) then
            raise exception 'booth % cannot go from % to %', old.id, old.status, new.status
                using errcode = 'check_violation', constraint = 'fair_booth_transition', table = 'fair_booth';
        end if;
        -- only the bureau of the fair decides
        if new.status is distinct from old.status and new.status in ('CONFIRMED', 'DECLINED')
           and not exists (select 1 from fair f where f.id = new.fair_id and f.region_code like scope || '%') then
            raise exception 'booth % is decided by the bureau of its fair', old.id
                using errcode = 'insufficient_privilege';
        end if;
    end if;
    if opening or delta <> 0 then
        perform set_config('chunfeng.scope', '', true);
        perform set_config('chunfeng.fair_counting', 'on', true);
        if opening then
            perform 1 from fair f where f.id = new.fair_id and f.status = 'PUBLISHED' and f.ends_at > now() for update;
            if not found then
                raise exception 'fair % takes no booths', new.fair_id
                    using errcode = 'check_violation', constraint = 'fair_booth_fair_open', table = 'fair_booth';
            end if;
        end if;
        if delta <> 0 then
            update fair set booths_confirmed = booths_confirmed + delta where id = new.fair_id;
        end if;
        perform set_config('chunfeng.fair_counting', 'off', true);
        perform set_config('chunfeng.scope', scope, true);
    end if;
    return null;
end $$;
create trigger fair_booth_guard after insert or update on fair_booth
    for each row execute function fair_booth_guard();

alter table fair_booth enable row level security;
alter table fair_booth force row level security;
-- the fair's bureau and the enterprise's side (its own user, the bureau of its district) work on a booth
create policy fair_booth_scope on fair_booth
    using (exists (select 1 from fair f where f.id = fair_id
                                          and f.region_code like current_setting('chunfeng.scope', true) || '%')
           or exists (select 1 from enterprise e where e.id = enterprise_id))
    with check (exists (select 1 from fair f where f.id = fair_id
                                               and f.region_code like current_setting('chunfeng.scope', true) || '%')
                or exists (select 1 from enterprise e where e.id = enterprise_id));
-- the public fair page lists the confirmed booths of a published fair
create policy fair_booth_public on fair_booth for select
    using (status = 'CONFIRMED' and exists (select 1 from fair f where f.id = fair_id and f.status = 'PUBLISHED'));

-- 参会岗位: the enterprise's own published postings shown at its booth
create table fair_booth_posting (
    booth_id   bigint not null constraint fair_booth_posting_booth_fk references fair_booth (id),
    posting_id bigint not null constraint fair_booth_posting_posting_fk references job_posting (id),
    added_at   timestamptz not null default now(),
    constraint fair_booth_posting_pk primary key (booth_id, posting_id)
);
create index fair_booth_posting_posting on fair_booth_posting (posting_id);

create function fair_booth_posting_guard() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from fair_booth b join job_posting p on p.enterprise_id = b.enterprise_id
                   where b.id = new.booth_id and p.id = new.posting_id and p.status = 'PUBLISHED') then
        raise exception 'posting % is not a published posting of the enterprise of booth %', new.posting_id,
            new.booth_id using errcode = 'check_violation', constraint = 'fair_booth_posting_own',
                               table = 'fair_booth_posting';
    end if;
    return new;
end $$;
create trigger fair_booth_posting_guard before insert on fair_booth_posting
    for each row execute function fair_booth_posting_guard();

alter table fair_booth_posting enable row level security;
alter table fair_booth_posting force row level security;
-- seen with its booth (also on the public page); changed by those who work on the booth
create policy fair_booth_posting_read on fair_booth_posting for select
    using (exists (select 1 from fair_booth b where b.id = booth_id));
create policy fair_booth_posting_write on fair_booth_posting
    using (exists (select 1 from fair_booth b
                   where b.id = booth_id
                     and (exists (select 1 from fair f where f.id = b.fair_id
                                                         and f.region_code like current_setting('chunfeng.scope', true) || '%')
                          or exists (select 1 from enterprise e where e.id = b.enterprise_id))))
    with check (exists (select 1 from fair_booth b
                        where b.id = booth_id
                          and (exists (select 1 from fair f where f.id = b.fair_id
                                                              and f.region_code like current_setting('chunfeng.scope', true) || '%')
                               or exists (select 1 from enterprise e where e.id = b.enterprise_id))));

-- ---------------------------------------------------------------- registrations and tickets
-- 报名: one per worker and fair, with a ticket code (the QR code shows it) that is checked in once. The worker's name
-- and masked mobile are copied in for the door and the booths, which need not see the worker's record.
create table fair_registration (
    id                   bigint generated always as identity primary key,
    fair_id              bigint not null constraint fair_registration_fair_fk references fair (id),
    worker_id            bigint not null constraint fair_registration_worker_fk references worker (id),
    worker_name          text not null,
    worker_mobile_masked text,
    code                 text not null constraint fair_registration_code check (code ~ '^[2-9A-HJ-NP-Z]{12}$'),
    status               text not null default 'REGISTERED' check (status in ('REGISTERED', 'CANCELLED')),
    checked_in_at        timestamptz,
    checked_in_by        text,
    registered_by        text not null,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    constraint fair_registration_code_unique unique (code),
    constraint fair_registration_once unique (fair_id, worker_id),
    constraint fair_registration_of unique (id, fair_id, worker_id),
    -- a ticket used at the door stays: attendance is a fact
    constraint fair_registration_attended check (checked_in_at is null or status = 'REGISTERED'),
    constraint fair_registration_checked_in_by check ((checked_in_at is null) = (checked_in_by is null))
);
create index fair_registration_worker on fair_registration (worker_id, created_at desc);

-- Registrations only at a published fair that has not ended (a cancelled one again after a cancellation); each takes
-- a place under the fair's row lock, so the attendee capacity on fair refuses the one too many. A ticket checks in
-- once, at a fair that is not cancelled.
create function fair_registration_guard() returns trigger language plpgsql as $$
declare
    scope text := coalesce(current_setting('chunfeng.scope', true), '-');
    delta int := (case when new.status = 'REGISTERED' then 1 else 0 end)
                 - (case when tg_op = 'UPDATE' and old.status = 'REGISTERED' then 1 else 0 end);
    checking_in boolean := new.checked_in_at is not null
                           and (tg_op = 'INSERT' or old.checked_in_at is null);
begin
    if tg_op = 'UPDATE' then
        if new.fair_id <> old.fair_id or new.worker_id <> old.worker_id then
            raise exception 'registration % cannot move to another fair or worker', old.id
                using errcode = 'check_violation', constraint = 'fair_registration_fixed', table = 'fair_registration';
        end if;
        if old.checked_in_at is not null and new.checked_in_at is distinct from old.checked_in_at then
            raise exception 'registration % was checked in at %', old.id, old.checked_in_at
                using errcode = 'check_violation', constraint = 'fair_registration_checked_in_once',
                      table = 'fair_registration';
        end if;
        if new.code <> old.code and not (old.status = 'CANCELLED' and new.status = 'REGISTERED') then
            raise exception 'registration % keeps its ticket code', old.id
                using errcode = 'check_violation', constraint = 'fair_registration_fixed', table = 'fair_registration';
        end if;
    end if;
    if delta <> 0 or checking_in then
        perform set_config('chunfeng.scope', '', true);
        perform set_config('chunfeng.fair_counting', 'on', true);
        if delta > 0 then
            update fair set registered = registered + 1
             where id = new.fair_id and status = 'PUBLISHED' and ends_at > now();
            if not found then
                raise exception 'fair % takes no registrations', new.fair_id
                    using errcode = 'check_violation', constraint = 'fair_registration_fair_open',
                          table = 'fair_registration';
            end if;
        elsif delta < 0 then
            update fair set registered = registered - 1 where id = new.fair_id;
        end if;
        if checking_in then
            perform 1 from fair f where f.id = new.fair_id and f.status = 'PUBLISHED';
            if not found then
                raise exception 'fair % admits nobody', new.fair_id
                    using errcode = 'check_violation', constraint = 'fair_registration_check_in_open',
                          table = 'fair_registration';
            end if;
        end if;
        perform set_config('chunfeng.fair_counting', 'off', true);
        perform set_config('chunfeng.scope', scope, true);
    end if;
    return null;
end $$;
create trigger fair_registration_guard after insert or update on fair_registration
    for each row execute function fair_registration_guard();

alter table fair_registration enable row level security;
alter table fair_registration force row level security;
-- the fair's bureau, and those who may see the worker (the worker, the bureau of the worker's district)
create policy fair_registration_scope on fair_registration
    using (exists (select 1 from fair f where f.id = fair_id
                                          and f.region_code like current_setting('chunfeng.scope', true) || '%')
           or exists (select 1 from worker w where w.id = worker_id))
    with check (exists (select 1 from fair f where f.id = fair_id
                                               and f.region_code like current_setting('chunfeng.scope', true) || '%')
                or exists (select 1 from worker w where w.id = worker_id));

-- A ticket as the door or a booth reads it. Registrations of a fair in another district are out of the caller's
-- sight, yet "this ticket is for another fair" must be said: the fair is always told (it is public), the holder only
-- to the fair's bureau and to the side of an enterprise with a confirmed booth at that fair.
create function fair_ticket(ticket text)
    returns table (fair_id bigint, registration_id bigint, worker_id bigint, worker_name text,
                   worker_mobile_masked text, status text, checked_in_at timestamptz, permitted boolean)
    language plpgsql as $$
declare
    scope text := coalesce(current_setting('chunfeng.scope', true), '-');
    found_row fair_registration%rowtype;
    allowed boolean;
begin
    perform set_config('chunfeng.scope', '', true);
    select * into found_row from fair_registration r where r.code = ticket;
    perform set_config('chunfeng.scope', scope, true);
    if found_row.id is null then
        return;
    end if;
    allowed := exists (select 1 from fair f where f.id = found_row.fair_id and f.region_code like scope || '%')
               or exists (select 1 from fair_booth b join enterprise e on e.id = b.enterprise_id
                          where b.fair_id = found_row.fair_id and b.status = 'CONFIRMED');
    return query select found_row.fair_id,
                        case when allowed then found_row.id end,
                        case when allowed then found_row.worker_id end,
                        case when allowed then found_row.worker_name end,
                        case when allowed then found_row.worker_mobile_masked end,
                        case when allowed then found_row.status end,
                        case when allowed then found_row.checked_in_at end,
                        allowed;
end $$;

-- ---------------------------------------------------------------- intentions
-- 意向: a worker and a posting met at a booth. Each stands on an application (channel FAIR) to the posting; the
-- outcome follows that application (interview, offer, hire), so the fair's figures are one query.
create table fair_intention (
    id              bigint generated always as identity primary key,
    fair_id         bigint not null constraint fair_intention_fair_fk references fair (id),
    booth_id        bigint not null,
    posting_id      bigint not null,
    worker_id       bigint not null constraint fair_intention_worker_fk references worker (id),
    worker_name     text not null,
    registration_id bigint,
    application_id  bigint not null constraint fair_intention_application_fk references job_application (id),
    outcome         text not null default 'APPLIED'
                    check (outcome in ('APPLIED', 'INTERVIEW', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN')),
    note            text constraint fair_intention_note check (length(note) <= 200),
    recorded_by     text not null,
    recorded_at     timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint fair_intention_once unique (fair_id, posting_id, worker_id),
    -- at a booth of this fair, for one of the booth's postings, with the worker's own ticket of this fair
    constraint fair_intention_booth_fk foreign key (booth_id, fair_id) references fair_booth (id, fair_id),
    constraint fair_intention_posting_fk foreign key (booth_id, posting_id)
        references fair_booth_posting (booth_id, posting_id),
    constraint fair_intention_registration_fk foreign key (registration_id, fair_id, worker_id)
        references fair_registration (id, fair_id, worker_id)
);
create index fair_intention_fair on fair_intention (fair_id, outcome);
create index fair_intention_application on fair_intention (application_id);
create index fair_intention_booth on fair_intention (booth_id);

-- recorded at a confirmed booth of a published fair that has begun
create function fair_intention_guard() returns trigger language plpgsql as $$
declare
    scope text := coalesce(current_setting('chunfeng.scope', true), '-');
begin
    perform set_config('chunfeng.scope', '', true);
    perform 1 from fair_booth b join fair f on f.id = b.fair_id
     where b.id = new.booth_id and b.status = 'CONFIRMED' and f.status = 'PUBLISHED' and f.starts_at <= now();
    if not found then
        raise exception 'booth % takes no intentions now', new.booth_id
            using errcode = 'check_violation', constraint = 'fair_intention_booth_open', table = 'fair_intention';
    end if;
    perform set_config('chunfeng.scope', scope, true);
    return new;
end $$;
create trigger fair_intention_guard before insert on fair_intention
    for each row execute function fair_intention_guard();

alter table fair_intention enable row level security;
alter table fair_intention force row level security;
-- the fair's bureau and the booth's enterprise side record and follow intentions; the worker's side reads them
create policy fair_intention_scope on fair_intention
    using (exists (select 1 from fair f where f.id = fair_id
                                          and f.region_code like current_setting('chunfeng.scope', true) || '%')
           or exists (select 1 from fair_booth b join enterprise e on e.id = b.enterprise_id where b.id = booth_id)
           or exists (select 1 from worker w where w.id = worker_id))
    with check (exists (select 1 from fair f where f.id = fair_id
                                               and f.region_code like current_setting('chunfeng.scope', true) || '%')
                or exists (select 1 from fair_booth b join enterprise e on e.id = b.enterprise_id
                           where b.id = booth_id));
