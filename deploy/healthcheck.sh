#!/usr/bin/env bash
# Container health = the service's readiness group (/actuator/health/readiness answers 200 with "UP").
# Plain bash (/dev/tcp): the JRE base image needs no curl or wget.
set -euo pipefail
port="${SERVER_PORT_CHECK:?SERVER_PORT_CHECK is not set}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
response="$(timeout 3 cat <&3)"
exec 3<&-
case "${response}" in
  "HTTP/1."?" 200"*'"UP"'*) exit 0 ;;
  *) exit 1 ;;
esac
