package io.fleetgrid.localstack.postgres;

import io.fleetgrid.localstack.server.InfraServer;
import io.fleetgrid.localstack.server.InfraServerFactory;
import io.fleetgrid.localstack.server.ServerSettings;

/**
 * Creates {@link PostgresServer}s (kind {@code postgres}).
 */
public class PostgresServerFactory implements InfraServerFactory {

	@Override
	public String kind() {
		return "postgres";
	}

	@Override
	public InfraServer create(ServerSettings settings) {
		return new PostgresServer(settings);
	}

}
