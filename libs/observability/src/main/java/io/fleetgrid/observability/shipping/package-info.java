/**
 * Log shipping: a non-blocking Logback appender that sends every log event of the service
 * as a {@code LogEvent} to {@code fleetgrid.logs.v1}, with its own lazily created Kafka
 * producer and a bounded buffer whose overflow is dropped and counted.
 */
@NullMarked
package io.fleetgrid.observability.shipping;

import org.jspecify.annotations.NullMarked;
