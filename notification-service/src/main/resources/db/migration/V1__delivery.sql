-- Delivery history (GET /api/v1/notifications): one row per attempt, as published on fleetgrid.notifications.v1.
create table delivery (
    notification_id text        not null,
    attempt         integer     not null check (attempt >= 1),
    alert_id        text        not null,
    tenant_id       text        not null,
    channel         text        not null check (channel in ('WEB', 'EMAIL', 'WEBHOOK')),
    recipient       text        not null,
    outcome         text        not null check (outcome in ('DELIVERED', 'FAILED', 'RETRYING', 'DEAD_LETTERED', 'SUPPRESSED')),
    detail          text,
    ts              timestamptz not null,
    primary key (notification_id, attempt)
);

create index delivery_tenant_ts_idx on delivery (tenant_id, ts desc);
