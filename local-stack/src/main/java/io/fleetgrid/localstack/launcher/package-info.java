/**
 * The launcher behind {@code ./fleetgrid start}: starts the infrastructure servers, the
 * discovery server and every service as child processes, waits until all are UP in
 * Eureka, and prints where to go.
 */
package io.fleetgrid.localstack.launcher;
