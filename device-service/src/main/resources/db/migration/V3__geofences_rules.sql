-- Geofences, stored as their GeofenceSnapshot JSON. The id is generated (gf-<uuid>) and is the Kafka key of
-- fleetgrid.geofences.v1, hence unique platform-wide.
create table geofence (
    id          text        primary key,
    tenant_id   text        not null,
    snapshot    jsonb       not null,
    updated_at  timestamptz not null
);

create index geofence_tenant_idx on geofence (tenant_id, id);

-- Rule thresholds per group; group_id '*' holds the tenant defaults (RuleSettings.TENANT_DEFAULTS).
create table rule_settings (
    tenant_id   text        not null,
    group_id    text        not null,
    thresholds  jsonb       not null,
    updated_at  timestamptz not null,
    primary key (tenant_id, group_id)
);
