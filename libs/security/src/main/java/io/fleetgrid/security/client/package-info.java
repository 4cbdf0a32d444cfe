/**
 * Service-to-service authentication: OAuth2 client-credentials tokens for calls from one
 * FleetGrid service to another's internal endpoints.
 */
@NullMarked
package io.fleetgrid.security.client;

import org.jspecify.annotations.NullMarked;
