/**
 * JWT signing keys: persisted, encrypted at rest, rotatable, published in the JWKS.
 */
package io.fleetgrid.auth.key;
