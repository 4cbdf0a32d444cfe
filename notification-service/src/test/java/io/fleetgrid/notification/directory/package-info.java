/**
 * Tests of the recipient lookups.
 */
package io.fleetgrid.notification.directory;
