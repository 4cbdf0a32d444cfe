/**
 * Starting and stopping child JVMs: the infrastructure server processes
 * ({@link io.fleetgrid.localstack.process.InfraNode}) and, through the generic
 * {@link io.fleetgrid.localstack.process.ChildJvm}, any other Java process such as the
 * services started by the launcher.
 * <p>
 * This package uses the JDK only. It is loaded in test JVMs and in the launcher, where
 * local-stack's own dependencies (Kafka, PostgreSQL, OpenSearch, ...) are absent;
 * {@code ProcessPackageDependenciesTests} keeps it that way.
 */
package io.fleetgrid.localstack.process;
