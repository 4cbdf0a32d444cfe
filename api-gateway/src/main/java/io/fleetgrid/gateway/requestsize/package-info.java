/**
 * Request body size limits per path, answered with 413 problem+json before anything is
 * forwarded.
 */
package io.fleetgrid.gateway.requestsize;
