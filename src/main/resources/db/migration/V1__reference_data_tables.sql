-- Reference data (module "reference"): GB/T 2260 regions, GB/T 4754-2017 industries, occupations.
-- The rows themselves are loaded by the repeatable Java migration R__Reference_data from the CSV files in
-- db/reference, so a new edition of a table is a new data file, not new code.

create table region (
    code        char(6) primary key check (code ~ '^[0-9]{6}$'),
    name        text    not null check (length(name) between 1 and 64),
    level       text    not null check (level in ('PROVINCE', 'PREFECTURE', 'COUNTY')),
    parent_code char(6) references region (code),
    -- the province (2 digits), prefecture (4) or county (6) prefix that region scopes compare against
    scope_prefix text generated always as (
        case level when 'PROVINCE' then substr(code, 1, 2)
                   when 'PREFECTURE' then substr(code, 1, 4)
                   else code end) stored,
    check ((level = 'PROVINCE') = (parent_code is null))
);
create index region_parent_idx on region (parent_code);

create table industry (
    code        varchar(5) primary key,
    name_zh     text not null,
    name_en     text not null,
    level       text not null check (level in ('SECTION', 'DIVISION', 'GROUP', 'CLASS')),
    parent_code varchar(5) references industry (code),
    check (code ~ case level when 'SECTION' then '^[A-T]$' when 'DIVISION' then '^[0-9]{2}$'
                             when 'GROUP' then '^[0-9]{3}$' else '^[0-9]{4}$' end),
    check ((level = 'SECTION') = (parent_code is null))
);
create index industry_parent_idx on industry (parent_code);

create table occupation (
    code        varchar(12) primary key,
    name_zh     text not null,
    name_en     text,
    level       text not null check (level in ('MAJOR', 'MIDDLE', 'MINOR', 'OCCUPATION')),
    parent_code varchar(12) references occupation (code),
    edition     text not null,
    check (code ~ case level when 'MAJOR' then '^[1-8]$' when 'MIDDLE' then '^[1-8]-[0-9]{2}$'
                             when 'MINOR' then '^[1-8]-[0-9]{2}-[0-9]{2}$'
                             else '^[1-8]-[0-9]{2}-[0-9]{2}-[0-9]{2}$' end),
    check ((level = 'MAJOR') = (parent_code is null))
);
create index occupation_parent_idx on occupation (parent_code);
