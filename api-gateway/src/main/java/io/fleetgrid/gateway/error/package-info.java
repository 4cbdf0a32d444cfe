/**
 * Errors raised by the gateway itself (no route, no instance, backend unreachable),
 * rendered as RFC 9457 problem details.
 */
package io.fleetgrid.gateway.error;
