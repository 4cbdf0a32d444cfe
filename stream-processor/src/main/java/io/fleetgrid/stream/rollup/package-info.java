/**
 * Per-minute and per-hour rollups: windowed aggregation in event time with a grace
 * period, emitted once when the window closes.
 */
package io.fleetgrid.stream.rollup;
