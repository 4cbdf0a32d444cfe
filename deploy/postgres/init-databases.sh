#!/usr/bin/env bash
# First start of the PostgreSQL container only (docker-entrypoint-initdb.d): one login role and one database per
# service, each role owning its database and nothing else. Passwords come from the container's environment.
set -euo pipefail
create() {
  local name="$1" password="$2"
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname postgres \
    --set=name="${name}" --set=password="${password}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'name', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'name') \gexec
SQL
}
create auth "${FLEETGRID_DB_AUTH_PASSWORD:?}"
create device "${FLEETGRID_DB_DEVICE_PASSWORD:?}"
create notification "${FLEETGRID_DB_NOTIFICATION_PASSWORD:?}"
