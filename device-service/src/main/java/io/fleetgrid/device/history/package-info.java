/**
 * Device history: alerts, trips and rollups consumed from the stream-processor's topics
 * with idempotent upserts, the read API over them, alert acknowledgement, and retention.
 */
package io.fleetgrid.device.history;
