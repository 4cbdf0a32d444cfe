/**
 * Delivers alerts: live in the portal, e-mail and signed webhooks.
 */
package io.fleetgrid.notification;
