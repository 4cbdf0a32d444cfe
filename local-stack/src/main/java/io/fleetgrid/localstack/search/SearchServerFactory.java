package io.fleetgrid.localstack.search;

import io.fleetgrid.localstack.server.InfraServer;
import io.fleetgrid.localstack.server.InfraServerFactory;
import io.fleetgrid.localstack.server.ServerSettings;

/**
 * Creates the {@code search} server, a single-node OpenSearch cluster.
 * <p>
 * Options: {@code transportPort} (default {@code 0}, a free port chosen by the node),
 * {@code clusterName} (default {@code fleetgrid-local}).
 */
public final class SearchServerFactory implements InfraServerFactory {

	@Override
	public String kind() {
		return "search";
	}

	@Override
	public InfraServer create(ServerSettings settings) {
		return new SearchServer(settings);
	}

}
