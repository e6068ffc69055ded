-- Bulk imports (module "imports"): each upload is a background job with its progress and its row-level errors.

create table import_job (
    id             bigint generated always as identity primary key,
    kind           text not null check (kind in ('WORKERS', 'ENTERPRISES', 'INSURANCE')),
    mode           text not null check (mode in ('VALID_ROWS', 'ALL_OR_NOTHING')),
    status         text not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED')),
    file_name      text not null check (length(file_name) between 1 and 255),
    -- the uploader's region: the job, like the records it writes, is seen only inside it
    region_code    char(6) not null references region (code),
    created_by     text not null,
    locale         text not null,
    total_rows     int not null default 0 check (total_rows >= 0),
    processed_rows int not null default 0 check (processed_rows >= 0),
    added          int not null default 0 check (added >= 0),
    updated        int not null default 0 check (updated >= 0),
    unchanged      int not null default 0 check (unchanged >= 0),
    error_rows     int not null default 0 check (error_rows >= 0),
    -- why a whole file was refused (a localised message), or null
    message        text,
    created_at     timestamptz not null default now(),
    started_at     timestamptz,
    -- the last sign of life of the instance running it: a job silent for long was interrupted by a crash
    progress_at    timestamptz,
    finished_at    timestamptz,
    constraint import_job_finished check ((status in ('SUCCEEDED', 'REJECTED', 'FAILED')) = (finished_at is not null))
);
create index import_job_region_idx on import_job (region_code bpchar_pattern_ops, created_at desc);

-- one row per bad field of a bad row, with the row's cells, so the report can be fixed and imported again
create table import_error (
    id         bigint generated always as identity primary key,
    job_id     bigint not null references import_job (id) on delete cascade,
    row_number int not null check (row_number >= 1),
    field      text not null,
    message    text not null,
    cells      text[] not null
);
create index import_error_job_idx on import_error (job_id, row_number);

alter table import_job enable row level security;
alter table import_job force row level security;
create policy import_job_region_scope on import_job
    using (region_code like current_setting('chunfeng.scope', true) || '%')
    with check (region_code like current_setting('chunfeng.scope', true) || '%');

alter table import_error enable row level security;
alter table import_error force row level security;
create policy import_error_scope on import_error
    using (exists (select 1 from import_job j where j.id = job_id))
    with check (exists (select 1 from import_job j where j.id = job_id));
