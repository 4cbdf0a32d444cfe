/**
 * Tenants: the operator's {@code /api/v1/tenants}, and their snapshots on
 * {@code fleetgrid.tenants.v1}.
 */
package io.fleetgrid.auth.tenant;
