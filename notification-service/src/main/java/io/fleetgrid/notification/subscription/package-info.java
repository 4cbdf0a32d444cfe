/**
 * Users' notification subscriptions ({@code /api/v1/subscriptions}): channels, filters,
 * quiet hours, and the defaults for users without any.
 */
package io.fleetgrid.notification.subscription;
