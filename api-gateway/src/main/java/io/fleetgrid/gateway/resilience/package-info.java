/**
 * A Resilience4j circuit breaker and time limit per route: a service that is down, has no
 * instance or is too slow is answered with 503 problem+json and {@code Retry-After}
 * within the route's timeout.
 */
package io.fleetgrid.gateway.resilience;
