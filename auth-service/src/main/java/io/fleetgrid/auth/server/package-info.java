/**
 * The OAuth2 / OIDC authorization server: endpoints, token claims, rate limits.
 */
package io.fleetgrid.auth.server;
