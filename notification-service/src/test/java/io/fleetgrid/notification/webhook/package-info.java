/**
 * Tests of webhook signatures and the SSRF guard.
 */
package io.fleetgrid.notification.webhook;
