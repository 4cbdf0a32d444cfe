/**
 * Test support: a stand-in for device-service's credential check and Kafka helpers.
 */
package io.fleetgrid.ingest.support;
