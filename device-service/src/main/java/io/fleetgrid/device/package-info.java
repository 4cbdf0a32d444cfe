/**
 * Device registry: devices, groups, credentials, geofences and rule settings.
 */
package io.fleetgrid.device;
