-- Matching (issue 6): the recommendation engine's nightly runs and the "3 jobs" (3个岗位信息) of each worker's 131
-- record. The engine itself works in memory; PostgreSQL keeps what it decided and the figures of each run.

select set_config('chunfeng.scope', '', true);

-- The enterprise's industry (GB/T 4754 class) is copied onto the posting like its name, so that a worker's preferred
-- industries can be matched without reading enterprise rows of other districts.
alter table job_posting add column industry_code varchar(5) constraint job_posting_industry_fk references industry (code);
update job_posting p set industry_code = e.industry_code from enterprise e where e.id = p.enterprise_id;

-- ---------------------------------------------------------------- runs
-- One batch of recommendations for all active seekers. Figures compare the capacity-aware result with the
-- unconstrained top-3 of the same run.
create table recommendation_run (
    id                      bigint generated always as identity primary key,
    trigger                 text not null check (trigger in ('NIGHTLY', 'MANUAL')),
    status                  text not null default 'RUNNING' check (status in ('RUNNING', 'FINISHED', 'FAILED')),
    -- no posting is recommended to more than ceil(alpha x remaining places) seekers within the run
    alpha                   numeric(6, 2) not null check (alpha > 0),
    requested_by            text,
    started_at              timestamptz not null default now(),
    finished_at             timestamptz,
    postings                int check (postings >= 0),
    seekers                 int check (seekers >= 0),
    done                    int not null default 0 check (done >= 0),
    with_three              int check (with_three >= 0),
    with_any                int check (with_any >= 0),
    unconstrained_with_three int check (unconstrained_with_three >= 0),
    postings_used           int check (postings_used >= 0),
    unconstrained_postings_used int check (unconstrained_postings_used >= 0),
    max_per_posting         int check (max_per_posting >= 0),
    unconstrained_max_per_posting int check (unconstrained_max_per_posting >= 0),
    gini                    numeric(6, 4) check (gini between 0 and 1),
    unconstrained_gini      numeric(6, 4) check (unconstrained_gini between 0 and 1),
    failure                 text,
    check ((status = 'RUNNING') = (finished_at is null))
);
-- one run at a time, whichever instance started it
create unique index recommendation_run_one_running on recommendation_run ((true)) where status = 'RUNNING';

-- ---------------------------------------------------------------- job leads
-- The 3 jobs of a worker's 131 record: the latest recommendations given, by the nightly run or by a caseworker.
-- region_code is the worker's residence when the leads were given (region scope).
create table job_lead (
    worker_id    bigint not null constraint job_lead_worker_fk references worker (id),
    rank         smallint not null check (rank between 1 and 3),
    posting_id   bigint not null constraint job_lead_posting_fk references job_posting (id),
    region_code  char(6) not null check (region_code ~ '^[0-9]{6}$'),
    run_id       bigint constraint job_lead_run_fk references recommendation_run (id),
    given_by     text,
    score        int not null,
    -- the explanation as reason codes with arguments, rendered in the reader's language
    reasons      jsonb not null,
    given_at     timestamptz not null default now(),
    primary key (worker_id, rank),
    constraint job_lead_posting_once unique (worker_id, posting_id) deferrable initially deferred
);
create index job_lead_posting_idx on job_lead (posting_id);
create index job_lead_region_idx on job_lead (region_code);

alter table job_lead enable row level security;
alter table job_lead force row level security;
create policy job_lead_scope on job_lead
    using (region_code like current_setting('chunfeng.scope', true) || '%')
    with check (region_code like current_setting('chunfeng.scope', true) || '%');
