#!/usr/bin/env bash
# One-shot job of docker-compose.yml: a role limited to FleetGrid's indices and the user log-service signs in with.
# Runs in the Elasticsearch image (it has curl); idempotent (PUT/POST replace the role and the user).
set -euo pipefail
es="${ELASTICSEARCH_URL:-http://elasticsearch:9200}"
auth="elastic:${ELASTIC_PASSWORD:?}"
curl -fsS -u "${auth}" -X PUT "${es}/_security/role/fleetgrid_log_service" -H 'Content-Type: application/json' -d '{
  "cluster": ["monitor", "manage_index_templates", "manage_ilm"],
  "indices": [{"names": ["fleetgrid-*"], "privileges": ["all"]}]
}'
echo
curl -fsS -u "${auth}" -X POST "${es}/_security/user/${FLEETGRID_SEARCH_USERNAME:?}" \
  -H 'Content-Type: application/json' \
  -d "{\"password\": \"${FLEETGRID_SEARCH_PASSWORD:?}\", \"roles\": [\"fleetgrid_log_service\"]}"
echo
