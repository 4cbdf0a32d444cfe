/**
 * Correlation of HTTP requests: every response carries the request's trace id and a
 * correlation id (echoed from the caller when well-formed), on servlet and reactive
 * services alike.
 */
@NullMarked
package io.fleetgrid.observability.web;

import org.jspecify.annotations.NullMarked;
