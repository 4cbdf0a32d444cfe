/**
 * Integration tests of the delivery pipeline on the real servers.
 */
package io.fleetgrid.notification.delivery;
