/**
 * Transactional outbox: changes write their Kafka record into the {@code outbox} table in
 * the same database transaction, and {@link io.fleetgrid.device.outbox.OutboxRelay}
 * publishes the rows in order and marks them sent.
 */
package io.fleetgrid.device.outbox;
