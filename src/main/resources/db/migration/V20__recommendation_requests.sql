-- Matching: an administrator's "run now" (issue 6 follow-up). The nightly task is rescheduled to now, and it carries
-- no data, so who asked is kept here until the run starts: that run is then recorded as MANUAL with its requester.

create table recommendation_request (
    id           bigint generated always as identity primary key,
    requested_by text not null check (length(requested_by) between 1 and 100),
    requested_at timestamptz not null default now()
);
