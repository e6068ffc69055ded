-- Marks what demo data a database holds (module "demo"), so it is loaded once, whatever restarts or instances.
create table demo_load (
    name      text primary key,
    loaded_at timestamptz not null default now()
);
