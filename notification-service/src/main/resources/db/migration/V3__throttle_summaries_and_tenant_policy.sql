-- Throttle summaries: a delivery row can be the summary of a throttle window instead of one alert transition.
alter table delivery add column summary_count integer;
alter table delivery add column summary_from timestamptz;
alter table delivery add column summary_to timestamptz;

-- Throttle windows with suppressed notifications, one per (device, type, subscription, recipient, channel) and window
-- end; summarised once when the window ends.
create table throttle_window (
    id              bigserial   primary key,
    tenant_id       text        not null,
    device_id       text        not null,
    alert_type      text        not null,
    subscription_id text        not null,
    user_id         text        not null,
    channel         text        not null check (channel in ('WEB', 'EMAIL', 'WEBHOOK')),
    target          text        not null,
    window_start    timestamptz not null,
    window_end      timestamptz not null,
    suppressed      integer     not null,
    last_alert      text        not null,
    state           text        not null check (state in ('OPEN', 'SUMMARISED')),
    updated_at      timestamptz not null,
    unique (tenant_id, device_id, alert_type, subscription_id, user_id, channel, window_end)
);

create index throttle_window_due_idx on throttle_window (window_end) where state = 'OPEN';

-- Per-tenant notification policy (GET/PUT /api/v1/notifications/policy); a missing row means the configured defaults.
create table tenant_policy (
    tenant_id          text        primary key,
    escalation_minutes integer     check (escalation_minutes between 1 and 1440),
    updated_by         text        not null,
    updated_at         timestamptz not null
);

-- When the escalated alert was raised, so a policy change moves the due time of open escalations.
alter table escalation add column raised_at timestamptz;
