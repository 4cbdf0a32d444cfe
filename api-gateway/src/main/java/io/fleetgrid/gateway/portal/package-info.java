/**
 * The portal's gateway side: who is logged in ({@code GET /api/v1/session}), the portal's
 * settings ({@code GET /api/v1/portal/config}) and the e-mail alert link
 * ({@code /alerts/{id}}). The portal's pages and scripts come from the {@code portal}
 * module's jar ({@code META-INF/resources/}).
 */
package io.fleetgrid.gateway.portal;
