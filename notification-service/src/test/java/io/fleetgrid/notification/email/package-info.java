/**
 * Tests of the acknowledge tokens.
 */
package io.fleetgrid.notification.email;
