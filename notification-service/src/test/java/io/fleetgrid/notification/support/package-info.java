/**
 * Test support: stand-ins for auth-service and device-service, a webhook receiver, a
 * controllable clock and Kafka/SMTP helpers.
 */
package io.fleetgrid.notification.support;
