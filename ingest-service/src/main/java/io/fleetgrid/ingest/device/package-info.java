/**
 * Device authentication: credentials verified by device-service (Feign, Resilience4j), a
 * bounded cache of verified credentials (token hashes only), and the device registry
 * followed from {@code fleetgrid.devices.v1}, which invalidates that cache.
 */
package io.fleetgrid.ingest.device;
