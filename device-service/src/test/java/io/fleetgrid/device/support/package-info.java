/**
 * Shared set-up of the integration tests: one Spring context on the real servers.
 */
package io.fleetgrid.device.support;
