/**
 * OAuth2 clients: the tenants' API clients ({@code /api/v1/clients}), the portal and the
 * service clients from configuration.
 */
package io.fleetgrid.auth.client;
