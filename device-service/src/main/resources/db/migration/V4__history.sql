-- History consumed from the stream-processor's topics. Each table's primary key is the record's identity, so a
-- replayed or duplicated record is an idempotent upsert.
create table alert (
    alert_id        text        primary key,
    tenant_id       text        not null,
    device_id       text        not null,
    type            text        not null,
    severity        text        not null,
    status          text        not null,
    started_at      timestamptz not null,
    ts              timestamptz not null,
    version         bigint      not null,
    event           jsonb       not null,
    acknowledged_by text,
    acknowledged_at timestamptz
);

create index alert_tenant_ts_idx on alert (tenant_id, ts desc);
create index alert_tenant_device_ts_idx on alert (tenant_id, device_id, ts desc);

create table trip (
    trip_id     text        primary key,
    tenant_id   text        not null,
    device_id   text        not null,
    started_at  timestamptz not null,
    ended_at    timestamptz not null,
    trip        jsonb       not null
);

create index trip_tenant_device_idx on trip (tenant_id, device_id, started_at desc);
create index trip_ended_idx on trip (ended_at);

create table rollup (
    device_id    text        not null,
    resolution   text        not null check (resolution in ('MINUTE', 'HOUR')),
    window_start timestamptz not null,
    tenant_id    text        not null,
    rollup       jsonb       not null,
    primary key (device_id, resolution, window_start)
);

create index rollup_retention_idx on rollup (resolution, window_start);

-- Per-tenant retention; a null column means the service default (fleetgrid.device.retention.*).
create table tenant_retention (
    tenant_id          text        primary key,
    minute_rollup_days integer     check (minute_rollup_days > 0),
    hour_rollup_days   integer     check (hour_rollup_days > 0),
    history_days       integer     check (history_days > 0),
    updated_at         timestamptz not null
);
