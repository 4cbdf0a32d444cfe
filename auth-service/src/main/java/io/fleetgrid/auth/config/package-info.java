/**
 * Typed settings of auth-service.
 */
package io.fleetgrid.auth.config;
