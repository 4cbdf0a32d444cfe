/**
 * A tenant's notification policy ({@code GET/PUT /api/v1/notifications/policy}, ADMIN):
 * the escalation time of unacknowledged CRITICAL alerts.
 */
package io.fleetgrid.notification.policy;
