/**
 * Tenants' webhook endpoints ({@code /api/v1/webhooks}): registration with a signing
 * secret shown once, HMAC-SHA256 signatures, the SSRF guard, a circuit breaker per
 * endpoint, and disabling endpoints that fail for long.
 */
package io.fleetgrid.notification.webhook;
