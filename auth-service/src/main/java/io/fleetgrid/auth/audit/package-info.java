/**
 * Audit events of logins, user, client and tenant changes and client token issuance.
 */
package io.fleetgrid.auth.audit;
