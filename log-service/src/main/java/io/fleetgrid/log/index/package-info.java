/**
 * Indexing: consumes logs, audit events and alerts from Kafka and bulk-indexes them into
 * daily indices per kind ({@code fleetgrid-logs-YYYY.MM.DD}, {@code -audit-},
 * {@code -alerts-}) with explicit index templates, dead-letters what the server rejects,
 * and deletes indices older than each kind's retention.
 */
@NullMarked
package io.fleetgrid.log.index;

import org.jspecify.annotations.NullMarked;
