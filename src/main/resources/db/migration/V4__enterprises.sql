-- Enterprises (module "enterprises"): the employers of the region, keyed by their unified social credit code
-- (统一社会信用代码, GB 32100). Credit codes are public, so they are stored in clear.

create table enterprise (
    id             bigint generated always as identity primary key,
    credit_code    char(18) not null
                   constraint enterprise_credit_code_unique unique
                   constraint enterprise_credit_code_format check (credit_code ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'),
    name           text not null check (length(btrim(name)) between 1 and 100),
    -- the region of the enterprise's registration: the region-scope key
    region_code    char(6) not null constraint enterprise_region_fk references region (code),
    address        text check (length(address) <= 200),
    industry_code  varchar(5) constraint enterprise_industry_fk references industry (code),
    employee_count int check (employee_count >= 0),
    -- 重点企业: key enterprises get the labour-scheduling guarantee over the festival
    key_enterprise boolean not null default false,
    key_category   text check (key_category in ('MEDICAL_SUPPLIES', 'DAILY_NECESSITIES', 'EPIDEMIC_PREVENTION',
                                                'CONTINUOUS_PRODUCTION', 'OTHER')),
    -- 劳务派遣: left out of the automatic (免申即享) refund route
    labour_dispatch boolean not null default false,
    created_at     timestamptz not null default now(),
    version        int not null default 0,
    constraint enterprise_key_category_iff_key check (key_enterprise = (key_category is not null))
);
create index enterprise_region_idx on enterprise (region_code);
create index enterprise_industry_idx on enterprise (industry_code);
