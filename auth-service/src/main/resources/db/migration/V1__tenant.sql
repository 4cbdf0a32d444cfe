-- Tenants isolate everything (API.md "Identity and roles"); the operator creates, suspends and resumes them.
create table tenant (
    id          text        primary key,
    name        text        not null,
    status      text        not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     bigint      not null default 0,
    constraint tenant_name_unique unique (name)
);
