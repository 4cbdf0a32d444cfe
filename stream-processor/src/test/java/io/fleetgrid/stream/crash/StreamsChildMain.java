package io.fleetgrid.stream.crash;

import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import io.fleetgrid.stream.config.StreamSettings;
import io.fleetgrid.stream.config.StreamsConfiguration;
import io.fleetgrid.stream.registry.Registry;
import io.fleetgrid.stream.topology.FleetGridTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The FleetGrid topology alone (no Spring) in a JVM of its own, so that a test can kill
 * it with SIGKILL: arguments are the bootstrap servers, the application id and the state
 * directory. Prints {@code RUNNING} once the instance processes.
 */
public final class StreamsChildMain {

	private StreamsChildMain() {
	}

	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	public static void main(String[] args) throws InterruptedException {
		StreamSettings settings = new StreamSettings(args[1], "exactly_once_v2", java.time.Duration.ofMillis(100),
				args[2], 1, null, null, null, null, false, null, null, null, null, null, null);
		StreamsBuilder builder = new StreamsBuilder();
		new FleetGridTopology(settings, new Registry(settings.detectors().geofenceCellDegrees()),
				new SimpleMeterRegistry())
			.build(builder);
		Properties props = new Properties();
		props.putAll(StreamsConfiguration.properties(args[0], settings));
		// Let the restarted instance take over the dead one's partitions quickly.
		props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
		props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
		KafkaStreams streams = new KafkaStreams(builder.build(), props);
		CountDownLatch done = new CountDownLatch(1);
		streams.setStateListener((now, before) -> {
			if (now == KafkaStreams.State.RUNNING) {
				System.out.println("RUNNING");
			}
			if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
				done.countDown();
			}
		});
		Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
		streams.start();
		done.await();
	}

}
