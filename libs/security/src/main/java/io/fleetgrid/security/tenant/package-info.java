/**
 * Tenant status as every service sees it: which tenants are suspended, followed from the
 * compacted {@code fleetgrid.tenants.v1} topic that auth-service publishes.
 */
@NullMarked
package io.fleetgrid.security.tenant;

import org.jspecify.annotations.NullMarked;
