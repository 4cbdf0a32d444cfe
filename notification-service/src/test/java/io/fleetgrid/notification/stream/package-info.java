/**
 * Benchmarks of the live stream.
 */
package io.fleetgrid.notification.stream;
