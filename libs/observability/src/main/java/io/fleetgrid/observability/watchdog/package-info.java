/**
 * Parent-process watchdog: a service started by the local-stack launcher (which sets
 * {@code FLEETGRID_PARENT_PID}) stops cleanly when the launcher dies, so no JVM is left
 * behind.
 */
@NullMarked
package io.fleetgrid.observability.watchdog;

import org.jspecify.annotations.NullMarked;
