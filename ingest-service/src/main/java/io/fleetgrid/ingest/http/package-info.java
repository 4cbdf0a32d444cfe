/**
 * HTTP ingest: {@code POST /api/v1/telemetry} with device Basic authentication, and the
 * problem+json answers of every refusal.
 */
package io.fleetgrid.ingest.http;
