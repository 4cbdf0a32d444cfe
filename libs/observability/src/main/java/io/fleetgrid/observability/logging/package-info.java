/**
 * Structured console logging: the format switch and the MDC keys services share.
 */
@NullMarked
package io.fleetgrid.observability.logging;

import org.jspecify.annotations.NullMarked;
