/**
 * Which devices are assigned to which users, followed in memory from the compacted
 * {@code fleetgrid.devices.v1} topic; it scopes a USER's alert search.
 */
@NullMarked
package io.fleetgrid.log.directory;

import org.jspecify.annotations.NullMarked;
