/**
 * The portal's gateway side: who is logged in ({@code GET /api/v1/session}) and the
 * placeholder page at {@code /} (the portal itself comes later).
 */
package io.fleetgrid.gateway.portal;
