-- The device registry; each row is what device-service publishes as a DeviceSnapshot on fleetgrid.devices.v1.
create table device (
    id          text        primary key,
    tenant_id   text        not null,
    name        text        not null,
    type        text        not null check (type in ('VEHICLE', 'INVERTER', 'BATTERY', 'METER')),
    group_id    text,
    active      boolean     not null default true,
    -- Device credentials are shown once and stored only as a hash (API.md "Device credentials and ingest").
    token_hash  text,
    attributes  jsonb       not null default '{}'::jsonb,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     bigint      not null default 0
);

create index device_tenant_idx on device (tenant_id, id);
