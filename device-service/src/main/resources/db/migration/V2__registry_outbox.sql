-- The registry proper. V1's skeleton table never held data, so it is replaced rather than altered.
drop table device;

-- Fleets (vehicles) and sites (energy devices) of a tenant.
create table device_group (
    tenant_id   text        not null,
    id          text        not null,
    name        text        not null,
    kind        text        not null check (kind in ('FLEET', 'SITE')),
    description text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (tenant_id, id)
);

-- One row per device; each row is what device-service publishes as a DeviceSnapshot on fleetgrid.devices.v1.
-- The id is unique platform-wide although callers see it per tenant: the Kafka key of every device topic and
-- the device's login at ingest are the device id alone (API.md), so two tenants cannot share one.
create table device (
    id                text        primary key,
    tenant_id         text        not null,
    type              text        not null check (type in ('VEHICLE', 'INVERTER', 'BATTERY', 'METER')),
    name              text        not null,
    group_id          text,
    tags              jsonb       not null default '[]'::jsonb,
    assigned_user_ids jsonb       not null default '[]'::jsonb,
    active            boolean     not null default true,
    vehicle           jsonb,
    energy            jsonb,
    vin               text,
    -- HMAC-SHA-256 of the device token (see TokenHasher); null = no valid credential (revoked).
    token_hash        bytea,
    token_issued_at   timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    last_seen_at      timestamptz,
    foreign key (tenant_id, group_id) references device_group (tenant_id, id)
);

create index device_tenant_idx on device (tenant_id, id);
create index device_tenant_group_idx on device (tenant_id, group_id);
create index device_assigned_idx on device using gin (assigned_user_ids jsonb_path_ops);
create unique index device_tenant_vin_idx on device (tenant_id, vin) where vin is not null;

-- Transactional outbox: a change and its event are written in one transaction; OutboxRelay publishes the rows
-- in id order and marks them sent. A null payload is a tombstone.
create table outbox (
    id          bigserial   primary key,
    topic       text        not null,
    record_key  text        not null,
    payload     bytea,
    headers     jsonb       not null default '{}'::jsonb,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);

create index outbox_unsent_idx on outbox (id) where sent_at is null;
create index outbox_sent_idx on outbox (sent_at) where sent_at is not null;
