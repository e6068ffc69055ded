-- Campaigns (module "campaigns"): the special action a bureau runs each year, its partner agencies and the
-- counties that send workers to it.

-- The seven departments of the special action (人社部、工信部、民政部、交通运输部、国务院扶贫办、全国总工会、全国妇联).
create table partner_agency (
    code       text primary key check (code ~ '^[A-Z_]{2,32}$'),
    name_zh    text not null,
    name_en    text not null,
    sort_order int  not null unique
);

insert into partner_agency (code, name_zh, name_en, sort_order) values
    ('HRSS',            '人力资源和社会保障局', 'Human Resources and Social Security Bureau', 1),
    ('MIIT',            '工业和信息化局',       'Industry and Information Technology Bureau', 2),
    ('CIVIL_AFFAIRS',   '民政局',               'Civil Affairs Bureau', 3),
    ('TRANSPORT',       '交通运输局',           'Transport Bureau', 4),
    ('RURAL_REVITALIZATION', '乡村振兴局（原扶贫办）', 'Rural Revitalization Bureau (former Poverty Alleviation Office)', 5),
    ('TRADE_UNION',     '总工会',               'Federation of Trade Unions', 6),
    ('WOMENS_FEDERATION', '妇女联合会',         'Women''s Federation', 7);

create table campaign (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[A-Za-z0-9_-]{3,40}$'),
    name_zh     text not null,
    name_en     text not null,
    policy_year int  not null check (policy_year between 2000 and 2100),
    region_code char(6) not null references region (code),
    starts_on   date not null,
    ends_on     date not null,
    festival_on date not null,
    check (ends_on >= starts_on),
    check (festival_on between starts_on and ends_on)
);

create table campaign_agency (
    campaign_id bigint not null references campaign (id) on delete cascade,
    agency_code text   not null references partner_agency (code),
    primary key (campaign_id, agency_code)
);

-- Counties whose workers come to (and go home from) the campaign's region: where return trips start.
create table campaign_sending_region (
    campaign_id bigint  not null references campaign (id) on delete cascade,
    region_code char(6) not null references region (code),
    primary key (campaign_id, region_code)
);
