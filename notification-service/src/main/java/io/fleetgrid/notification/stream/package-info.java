/**
 * The live alert stream ({@code GET /api/v1/alerts/stream}, Server-Sent Events): one
 * stream per user and tenant, heartbeats, resume with {@code Last-Event-ID} from the
 * delivery table.
 */
package io.fleetgrid.notification.stream;
