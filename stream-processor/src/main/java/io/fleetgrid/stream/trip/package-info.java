/**
 * Trips: ignition on/off or movement with an idle gap, distance, speeds, event counts and
 * a simplified route.
 */
package io.fleetgrid.stream.trip;
