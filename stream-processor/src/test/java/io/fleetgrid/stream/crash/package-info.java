/**
 * Exactly-once under a crash: the topology in a child JVM killed with SIGKILL and
 * restarted.
 */
package io.fleetgrid.stream.crash;
