/**
 * The FleetGrid security model shared by every servlet service: roles and their
 * hierarchy, the calling principal ({@link io.fleetgrid.security.Caller}) with its
 * tenant, the JWT claim names, and the auto-configured resource-server filter chain.
 */
@NullMarked
package io.fleetgrid.security;

import org.jspecify.annotations.NullMarked;
