/**
 * Who may pass the gateway: JWT bearer tokens (resource server), the portal's session
 * (the gateway as OAuth2 client, backend-for-frontend), CSRF for browser state changes,
 * CORS, and the security headers.
 */
package io.fleetgrid.gateway.security;
