/**
 * Tests of subscriptions, defaults and quiet hours.
 */
package io.fleetgrid.notification.subscription;
