/**
 * Compact binary field encodings of the state store values written with every event
 * (device memory, rollup windows).
 */
package io.fleetgrid.stream.codec;
