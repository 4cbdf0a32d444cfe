/**
 * The delivery pipeline: alerts from Kafka are planned into delivery rows (one per alert
 * transition, subscription and channel, with a unique idempotency key) in one transaction
 * before anything is sent; the dispatcher sends due rows through the channel senders,
 * retries with backoff, and publishes outcomes; throttling, quiet-hour digests and
 * escalation are decided here.
 */
package io.fleetgrid.notification.delivery;
