/**
 * Typed settings of the stream processor and the Kafka Streams wiring.
 */
package io.fleetgrid.stream.config;
