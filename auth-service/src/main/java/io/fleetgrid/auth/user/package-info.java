/**
 * Users of a tenant: {@code /api/v1/users} for ADMINs and {@code /api/v1/users/me} for
 * everyone.
 */
package io.fleetgrid.auth.user;
