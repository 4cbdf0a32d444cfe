/**
 * OAuth2 / OIDC authorization server: tenants, users, roles and API clients.
 */
package io.fleetgrid.auth;
