/**
 * The refusals of ingest (401, 403, 413, 429, 503, ...) as one exception type that the
 * HTTP layer turns into problem+json and the MQTT layer into a dead letter or a hook
 * denial.
 */
package io.fleetgrid.ingest.problem;
