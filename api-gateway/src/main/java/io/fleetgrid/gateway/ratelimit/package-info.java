/**
 * Rate limiting at the edge: token buckets per client IP, per device (telemetry) and per
 * API client or portal user, answered with 429 problem+json and {@code Retry-After}.
 */
package io.fleetgrid.gateway.ratelimit;
