/**
 * Auto-configuration of the FleetGrid resource-server security for servlet services, and
 * its typed properties ({@code fleetgrid.security.*}).
 */
@NullMarked
package io.fleetgrid.security.autoconfigure;

import org.jspecify.annotations.NullMarked;
