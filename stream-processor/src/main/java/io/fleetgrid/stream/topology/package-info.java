/**
 * The Kafka Streams topology: sources, processors, state stores and sinks.
 */
package io.fleetgrid.stream.topology;
