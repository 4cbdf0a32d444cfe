package io.fleetgrid.localstack.kafka;

import io.fleetgrid.localstack.server.InfraServer;
import io.fleetgrid.localstack.server.InfraServerFactory;
import io.fleetgrid.localstack.server.ServerSettings;

/**
 * Creates {@link KafkaBroker}s (kind {@code kafka}).
 */
public class KafkaServerFactory implements InfraServerFactory {

	@Override
	public String kind() {
		return "kafka";
	}

	@Override
	public InfraServer create(ServerSettings settings) {
		return new KafkaBroker(settings);
	}

}
