/**
 * The device state output: last known position, speeds, levels and active alerts.
 */
package io.fleetgrid.stream.state;
