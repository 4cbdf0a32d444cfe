/**
 * The {@code search} server: a real OpenSearch node (from the Maven Central jars, with
 * its HTTP transport and the common analysis and mapper plugins on the classpath) that
 * speaks the Elasticsearch REST API for the local stack and the integration tests.
 */
package io.fleetgrid.localstack.search;
