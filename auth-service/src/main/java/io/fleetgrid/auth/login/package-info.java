/**
 * The login page of the authorization-code flow, failed-login lockout and its audit.
 */
package io.fleetgrid.auth.login;
