/**
 * Who may receive an alert: the tenant's users from auth-service (Feign, circuit breaker,
 * retry, cache) and the devices' groups and assigned users from the compacted devices
 * topic.
 */
package io.fleetgrid.notification.directory;
