/**
 * Device credentials: server-generated tokens shown once and stored as a keyed hash,
 * rotation and revocation, and the service-authenticated check that ingest-service calls.
 */
package io.fleetgrid.device.credentials;
