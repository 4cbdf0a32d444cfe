/**
 * The connection to the search server: typed {@code fleetgrid.search.*} settings, the
 * Elasticsearch Java client built by Spring Boot's auto-configuration from them, and the
 * OpenSearch compatibility mode used only against the local stack's OpenSearch node.
 */
package io.fleetgrid.log.search;
