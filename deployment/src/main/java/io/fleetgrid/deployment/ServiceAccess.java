package io.fleetgrid.deployment;

import java.util.List;

import io.fleetgrid.contracts.topic.TopicSpec;

/**
 * What one service may do on the Kafka cluster: the topics it reads and writes, whether
 * it uses transactions (exactly-once) and whether it is a Kafka Streams application
 * (internal topics and consumer group named after its application id).
 *
 * @param service the service name (also its Kafka user, consumer-group prefix and
 * transactional-id prefix)
 * @param reads topics it consumes
 * @param writes topics it produces to
 * @param transactional whether it produces in transactions
 * @param streams whether it is a Kafka Streams application (application id = service
 * name)
 */
public record ServiceAccess(String service, List<TopicSpec<?, ?>> reads, List<TopicSpec<?, ?>> writes,
		boolean transactional, boolean streams) {

	public ServiceAccess {
		reads = List.copyOf(reads);
		writes = List.copyOf(writes);
	}

}
