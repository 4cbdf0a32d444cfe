package io.fleetgrid.stream.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.fleetgrid.stream.config.StreamSettings;
import io.fleetgrid.stream.config.StreamsConfiguration;
import io.fleetgrid.stream.registry.Registry;
import io.fleetgrid.stream.topology.FleetGridTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The FleetGrid topology with real Kafka Streams (no Spring context) in a JVM of its own,
 * driven by {@link LoadBenchmark}. The argument is the bootstrap server list; the stream
 * settings are bound from the {@code fleetgrid.stream.*} System properties exactly as the
 * application binds them, and every {@code bench.kafka.<key>} System property is added to
 * the Kafka Streams configuration as {@code <key>} (for example
 * {@code bench.kafka.producer.linger.ms}). Prints {@code RUNNING} once it processes;
 * closes cleanly on {@code exit} (or end of input) on standard input.
 */
public final class BenchStreamsMain {

	private static final String KAFKA_PREFIX = "bench.kafka.";

	private BenchStreamsMain() {
	}

	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	public static void main(String[] args) throws Exception {
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
		logging.getLogger("org.apache.kafka").setLevel(Level.WARN);
		Map<String, String> stream = new HashMap<>();
		Properties props = new Properties();
		System.getProperties().stringPropertyNames().forEach((name) -> {
			if (name.startsWith("fleetgrid.stream.")) {
				stream.put(name, System.getProperty(name));
			}
		});
		StreamSettings settings = new Binder(new MapConfigurationPropertySource(stream))
			.bind("fleetgrid.stream", Bindable.of(StreamSettings.class))
			.orElseGet(StreamSettings::defaults);
		StreamsBuilder builder = new StreamsBuilder();
		new FleetGridTopology(settings, new Registry(settings.detectors().geofenceCellDegrees()),
				new SimpleMeterRegistry())
			.build(builder);
		props.putAll(StreamsConfiguration.properties(args[0], settings));
		// a short client id, so that the stream threads keep a recognisable kernel name
		props.put(StreamsConfig.CLIENT_ID_CONFIG, CpuTicks.CLIENT_ID);
		System.getProperties().stringPropertyNames().forEach((name) -> {
			if (name.startsWith(KAFKA_PREFIX)) {
				props.put(name.substring(KAFKA_PREFIX.length()), System.getProperty(name));
			}
		});
		KafkaStreams streams = new KafkaStreams(builder.build(props), props);
		CountDownLatch done = new CountDownLatch(1);
		streams.setStateListener((now, before) -> {
			if (now == KafkaStreams.State.RUNNING) {
				System.out.println("RUNNING");
			}
			if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
				System.out.println("STOPPED " + now);
				done.countDown();
			}
		});
		Thread control = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null && !line.trim().equals("exit")) {
					// only "exit" is understood
				}
			}
			catch (java.io.IOException ex) {
				// parent gone: close as well
			}
			streams.close(Duration.ofSeconds(30));
			done.countDown();
		}, "bench-control");
		control.setDaemon(true);
		Thread report = new Thread(() -> report(streams), "bench-report");
		report.setDaemon(true);
		streams.start();
		control.start();
		report.start();
		done.await();
		streams.close(Duration.ofSeconds(30));
	}

	/**
	 * Every five seconds, where the stream threads spent their time (the thread-level
	 * ratios and commit latencies of Kafka Streams), for the log of the run.
	 */
	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	private static void report(KafkaStreams streams) {
		List<String> names = List.of("process-ratio", "punctuate-ratio", "commit-ratio", "poll-ratio",
				"commit-latency-avg", "commit-latency-max", "punctuate-latency-max", "process-rate");
		while (true) {
			try {
				Thread.sleep(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			StringBuilder line = new StringBuilder("METRICS");
			streams.metrics().forEach((name, metric) -> {
				if (name.group().equals("stream-thread-metrics") && names.contains(name.name())) {
					line.append(String.format(Locale.ROOT, " %s=%.3f", name.name(),
							((Number) metric.metricValue()).doubleValue()));
				}
			});
			System.out.println(line);
		}
	}

}
