/**
 * The server SPI: each infrastructure server implements
 * {@link io.fleetgrid.localstack.server.InfraServer} and is registered through an
 * {@link io.fleetgrid.localstack.server.InfraServerFactory}.
 */
package io.fleetgrid.localstack.server;
