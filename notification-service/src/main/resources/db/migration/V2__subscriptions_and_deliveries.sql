-- V1's attempt log is replaced by one row per notification (alert transition x subscription x channel) whose
-- idempotency key is unique: the row is written before anything is sent, so a redelivered alert never sends twice.
drop table delivery;

-- A user's own subscriptions (/api/v1/subscriptions). Lists are comma-separated; empty means "any".
create table subscription (
    id           uuid        primary key,
    tenant_id    text        not null,
    user_id      text        not null,
    name         text        not null,
    channels     text        not null,
    min_severity text        not null check (min_severity in ('INFO', 'WARNING', 'CRITICAL')),
    alert_types  text        not null default '',
    group_ids    text        not null default '',
    device_ids   text        not null default '',
    quiet_start  time,
    quiet_end    time,
    webhook_id   uuid,
    enabled      boolean     not null default true,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

create index subscription_tenant_user_idx on subscription (tenant_id, user_id);

-- Devices' group and assigned users, followed from the compacted fleetgrid.devices.v1.
create table device_directory (
    tenant_id         text        not null,
    device_id         text        not null,
    group_id          text,
    assigned_user_ids text        not null default '',
    updated_at        timestamptz not null,
    primary key (tenant_id, device_id)
);

create index device_directory_device_idx on device_directory (device_id);

-- Tenants' webhook endpoints (/api/v1/webhooks). The signing secret is needed to sign, so it is stored.
create table webhook (
    id              uuid        primary key,
    tenant_id       text        not null,
    url             text        not null,
    secret          text        not null,
    description     text,
    enabled         boolean     not null default true,
    disabled_reason text,
    failing_since   timestamptz,
    created_by      text        not null,
    created_at      timestamptz not null
);

create index webhook_tenant_idx on webhook (tenant_id);

-- One row per notification; history (GET /api/v1/notifications) and the dispatcher's work queue.
create table delivery (
    id              bigserial   primary key,
    idempotency_key text        not null unique,
    tenant_id       text        not null,
    alert_id        text        not null,
    alert_version   bigint      not null,
    alert_status    text        not null,
    severity        text        not null,
    alert_type      text        not null,
    device_id       text        not null,
    alert           text        not null,
    subscription_id text        not null,
    user_id         text,
    channel         text        not null check (channel in ('WEB', 'EMAIL', 'WEBHOOK')),
    target          text        not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED')),
    reason          text,
    digest          boolean     not null default false,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    sent_at         timestamptz
);

create index delivery_due_idx on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_tenant_user_idx on delivery (tenant_id, user_id, id desc);
create index delivery_throttle_idx on delivery (tenant_id, device_id, alert_type, subscription_id, channel, created_at);

-- Alerts whose recipients could not be resolved yet (auth-service unreachable): retried, never dropped.
create table pending_alert (
    alert_id        text        not null,
    alert_version   bigint      not null,
    tenant_id       text        not null,
    alert           text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    primary key (alert_id, alert_version)
);

-- CRITICAL alerts waiting for an acknowledgement; escalated to the tenant's admins when due.
create table escalation (
    alert_id   text        primary key,
    tenant_id  text        not null,
    alert      text        not null,
    due_at     timestamptz not null,
    state      text        not null check (state in ('OPEN', 'ESCALATED', 'STOPPED')),
    updated_at timestamptz not null
);

create index escalation_due_idx on escalation (due_at) where state = 'OPEN';

-- Acknowledge links: each signed token works once; acknowledgements device-service did not take yet are retried.
create table ack_request (
    token_id        text        primary key,
    tenant_id       text        not null,
    alert_id        text        not null,
    user_id         text        not null,
    status          text        not null check (status in ('PENDING', 'DONE')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null
);
