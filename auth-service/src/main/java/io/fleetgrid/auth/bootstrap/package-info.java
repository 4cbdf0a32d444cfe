/**
 * Local demo data (API.md "Bootstrap").
 */
package io.fleetgrid.auth.bootstrap;
