package io.fleetgrid.stream.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.contracts.topic.Topics;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load generator against the real broker: for each shape (devices × geofences per
 * tenant), processing guarantee and variant it
 * <ol>
 * <li>publishes the shape's devices, rules and geofences on the registry topics (once per
 * shape);</li>
 * <li>writes a backlog of telemetry (event times in the past), points a fresh application
 * id at its start, starts the topology with real Kafka Streams in a child JVM
 * ({@link BenchStreamsMain}, RocksDB stores) and, once the child has worked through a
 * first part of the backlog that warms it up (its JIT compilers took half a core and more
 * during the first few hundred thousand events), measures how fast the committed offsets
 * advance over the rest (sustained events/s, unpaced), the CPU time per event of the
 * child and of the rest of the machine (the broker), and how busy the stream threads, the
 * child's JIT compilers and the machine were;</li>
 * <li>then produces open-loop at the target rate (event time = the scheduled send time,
 * so a sender that falls behind does not hide latency) and records, in an HdrHistogram,
 * the time from each triggering event's scheduled produce time to the alert step's
 * arrival at a {@code read_committed} consumer.</li>
 * </ol>
 * Before the first measured run, one run of the first shape, guarantee and variant is
 * made and thrown away ({@code bench.warmup=false} skips it). Configured by System
 * properties (see the module README); prints one table row per run.
 */
final class LoadBenchmark {

	private static final String PREFIX = "bench.";

	private final String bootstrap;

	private final String run = UUID.randomUUID().toString().substring(0, 6);

	private final int rate = Integer.getInteger(PREFIX + "rate", 10_000);

	private final int seconds = Integer.getInteger(PREFIX + "seconds", 30);

	private final int warmupSeconds = Integer.getInteger(PREFIX + "warmup-seconds", 5);

	private final int backlog = Integer.getInteger(PREFIX + "backlog", 300_000);

	/**
	 * Events of the backlog's first part, which the child works through before the
	 * measurement starts (its JIT compilers still take a good part of the two cores).
	 */
	private final int warmBacklog = Integer.getInteger(PREFIX + "warm-backlog", 400_000);

	/**
	 * The child's commit interval, or null for the application's default per guarantee.
	 */
	private final String commitInterval = System.getProperty(PREFIX + "commit-interval");

	private final List<String> guarantees = List
		.of(System.getProperty(PREFIX + "guarantees", "exactly_once_v2,at_least_once").split(","));

	private final List<int[]> shapes = Stream.of(System.getProperty(PREFIX + "shapes", "10000x100").split(","))
		.map((shape) -> Stream.of(shape.split("x")).mapToInt(Integer::parseInt).toArray())
		.toList();

	private final List<Variant> variants = Stream.of(System.getProperty(PREFIX + "variants", "current").split(";"))
		.map(Variant::parse)
		.toList();

	private final String jvm = System.getProperty(PREFIX + "jvm", "-Xms512m -Xmx512m");

	private final boolean jfr = Boolean.getBoolean(PREFIX + "jfr");

	/** JFR's recording options after the file name, for example a delay. */
	private final String jfrOptions = System.getProperty(PREFIX + "jfr-options", "settings=profile");

	private final boolean warmup = Boolean.parseBoolean(System.getProperty(PREFIX + "warmup", "true"));

	private final PrintStream out;

	private final List<String> rows = new ArrayList<>();

	/** Runs started, the warm-up included (each has an application id of its own). */
	private int runs;

	LoadBenchmark(String bootstrap, PrintStream out) {
		this.bootstrap = bootstrap;
		this.out = out;
	}

	void runAll() throws Exception {
		this.out.printf(Locale.ROOT,
				"load benchmark %s: backlog %,d events after %,d not measured; open loop %,d events/s for %d s (first %d s not measured); "
						+ "commit interval %s; child JVM %s%n",
				this.run, this.backlog, this.warmBacklog, this.rate, this.seconds, this.warmupSeconds,
				(this.commitInterval != null) ? this.commitInterval : "the application's", this.jvm);
		String header = String.format(Locale.ROOT,
				"%-12s %-16s %8s %9s | %11s %10s %8s %6s %8s %9s | %9s %9s %8s %7s %8s %8s %8s %8s", "variant",
				"guarantee", "devices", "geofences", "max ev/s", "cpu us/ev", "thread%", "jit%", "machine%", "other us",
				"target", "sent ev/s", "lag@end", "alerts", "p50 ms", "p99 ms", "p99.9 ms", "max ms");
		int index = 0;
		for (int[] shape : this.shapes) {
			Workload workload = new Workload("bench-" + this.run + "-s" + index++, shape[0], shape[1]);
			publishRegistry(workload);
			if (index == 1 && this.warmup) {
				// The broker's JVM is as fresh as the first child's: a first run measures
				// less than the same run after it, so one run is thrown away.
				this.out.println(
						"warm-up (not counted): " + runOne(workload, this.guarantees.get(0), this.variants.get(0)));
			}
			for (String guarantee : this.guarantees) {
				for (Variant variant : this.variants) {
					String row = runOne(workload, guarantee, variant);
					this.rows.add(row);
					this.out.println(header);
					this.rows.forEach(this.out::println);
				}
			}
		}
		this.out.println();
		this.out.println("RESULT " + this.run);
		this.out.println(header);
		this.rows.forEach(this.out::println);
	}

	private String runOne(Workload workload, String guarantee, Variant variant) throws Exception {
		String applicationId = "bench-" + this.run + "-" + (++this.runs);
		Path stateDir = Files.createTempDirectory("fleetgrid-bench");
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap))) {
			Map<TopicPartition, Long> start = endOffsets(admin);
			admin
				.alterConsumerGroupOffsets(applicationId,
						start.entrySet()
							.stream()
							.collect(Collectors.toMap(Map.Entry::getKey, (e) -> new OffsetAndMetadata(e.getValue()))))
				.all()
				.get();
			long written = (long) this.warmBacklog + this.backlog;
			long backlogStartMs = System.currentTimeMillis() - 120_000 - written * 1000L / this.rate;
			try (KafkaProducer<String, byte[]> producer = producer()) {
				for (long i = 0; i < written; i++) {
					long ts = backlogStartMs + i * 1000L / this.rate;
					send(producer, workload, i, ts);
				}
			}
			long target = sum(endOffsets(admin));
			long from = sum(start);
			Process child = startChild(applicationId, stateDir, guarantee, variant);
			try {
				// unpaced: the backlog
				List<long[]> samples = new ArrayList<>();
				long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
				long done = 0;
				while (done < target - from && System.nanoTime() < deadline) {
					Thread.sleep(250);
					done = committed(admin, applicationId) - from;
					samples.add(new long[] { System.nanoTime(), done, cpuNanos(child),
							CpuTicks.threads(child.pid(), CpuTicks.STREAM_THREADS), CpuTicks.machine(),
							CpuTicks.threads(child.pid(), CpuTicks.COMPILER_THREADS) });
					if (!child.isAlive()) {
						throw new IllegalStateException("stream processor died, see " + log(applicationId));
					}
				}
				long[] first = samples.stream()
					.filter((s) -> s[1] >= this.warmBacklog)
					.findFirst()
					.orElse(samples.get(0));
				long[] last = samples.get(samples.size() - 1);
				double maxRate = (last[1] - first[1]) * 1e9 / Math.max(1, last[0] - first[0]);
				long events = Math.max(1, last[1] - first[1]);
				double cpuPerEvent = (last[2] - first[2]) / 1000.0 / events;
				double wallNanos = Math.max(1, last[0] - first[0]);
				// the stream threads', the JIT compilers' and the whole machine's busy
				// time (100 % = one core)
				double threadBusy = 100.0 * (last[3] - first[3]) / wallNanos;
				double machineBusy = 100.0 * (last[4] - first[4]) / wallNanos;
				double jitBusy = 100.0 * (last[5] - first[5]) / wallNanos;
				// everything but the processor: the broker, mostly (this JVM only polls)
				double otherPerEvent = ((last[4] - first[4]) - (last[2] - first[2])) / 1000.0 / events;

				// open loop at the target rate
				OpenLoopResult open = openLoop(admin, applicationId, workload);
				return String.format(Locale.ROOT,
						"%-12s %-16s %8d %9d | %11.0f %10.1f %8.0f %6.0f %8.0f %9.1f | %9d %9.0f %8d %7d %8.1f %8.1f %8.1f %8.1f",
						variant.name(), guarantee, workload.devices(), workload.geofences(), maxRate, cpuPerEvent,
						threadBusy, jitBusy, machineBusy, otherPerEvent, this.rate, open.sentRate, open.lagAtEnd,
						open.latency.getTotalCount(), open.latency.getValueAtPercentile(50) / 1000.0,
						open.latency.getValueAtPercentile(99) / 1000.0,
						open.latency.getValueAtPercentile(99.9) / 1000.0, open.latency.getMaxValue() / 1000.0);
			}
			finally {
				stopChild(child);
				deleteRecursively(stateDir);
			}
		}
	}

	private OpenLoopResult openLoop(Admin admin, String applicationId, Workload workload) throws Exception {
		Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
		long[] worstPerSecond = new long[this.seconds];
		AtomicBoolean reading = new AtomicBoolean(true);
		String keyPrefix = workload.tenantId() + "-d";
		long startMs = System.currentTimeMillis() + 1000;
		long measureFromMs = startMs + this.warmupSeconds * 1000L;
		long endMs = startMs + this.seconds * 1000L;
		try (KafkaConsumer<String, byte[]> consumer = alertConsumer()) {
			List<TopicPartition> partitions = partitions(Topics.ALERTS);
			consumer.assign(partitions);
			consumer.seekToEnd(partitions);
			partitions.forEach(consumer::position);
			Thread reader = new Thread(() -> {
				while (reading.get()) {
					for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
						long arrivedUs = micros(Instant.now());
						if (record.key() == null || !record.key().startsWith(keyPrefix)) {
							continue;
						}
						long tsMs = alertTs(record.value());
						if (tsMs >= measureFromMs && tsMs < endMs) {
							long micros = Math.max(0, arrivedUs - tsMs * 1000);
							latency.recordValue(micros);
							int second = (int) ((tsMs - startMs) / 1000);
							worstPerSecond[second] = Math.max(worstPerSecond[second], micros);
						}
					}
				}
			}, "bench-alert-reader");
			reader.start();
			long sent = 0;
			long sendStart = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(startMs - System.currentTimeMillis());
			long total = (long) this.rate * this.seconds;
			try (KafkaProducer<String, byte[]> producer = producer()) {
				for (long k = 0; k < total; k++) {
					long due = sendStart + k * 1_000_000_000L / this.rate;
					long wait = due - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
					send(producer, workload, (long) this.warmBacklog + this.backlog + k,
							startMs + k * 1000 / this.rate);
					sent++;
				}
			}
			double sentRate = sent * 1e9 / Math.max(1, System.nanoTime() - sendStart);
			long target = sum(endOffsets(admin));
			long lagAtEnd = target - committed(admin, applicationId);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (committed(admin, applicationId) < target && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			Thread.sleep(1000);
			reading.set(false);
			reader.join();
			StringBuilder seconds = new StringBuilder();
			for (int second = this.warmupSeconds; second < this.seconds; second++) {
				seconds.append(String.format(Locale.ROOT, " %d", worstPerSecond[second] / 1000));
			}
			this.out.println("  worst event -> alert latency (ms) per second of the measured open loop:" + seconds);
			return new OpenLoopResult(sentRate, lagAtEnd, latency);
		}
	}

	private record OpenLoopResult(double sentRate, long lagAtEnd, Histogram latency) {
	}

	private static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
	}

	/** The alert step's {@code ts} (the triggering event's time) without a full parse. */
	static long alertTs(byte[] json) {
		String text = new String(json, StandardCharsets.UTF_8);
		int at = text.indexOf("\"ts\":\"");
		if (at < 0) {
			return -1;
		}
		int end = text.indexOf('"', at + 6);
		return Instant.parse(text.substring(at + 6, end)).toEpochMilli();
	}

	private void send(KafkaProducer<String, byte[]> producer, Workload workload, long i, long tsMs) {
		String key = workload.deviceId((int) (i % workload.devices()));
		producer.send(new ProducerRecord<>(Topics.TELEMETRY.name(), null, tsMs, key, workload.event(i, tsMs)));
	}

	private void publishRegistry(Workload workload) throws Exception {
		Instant now = Instant.now();
		try (KafkaProducer<String, byte[]> producer = producer()) {
			workload.deviceSnapshots(now)
				.forEach((device) -> producer.send(record(Topics.DEVICES, device.deviceId(), device)));
			workload.rules(now)
				.forEach((rule) -> producer.send(record(Topics.RULES, rule.tenantId() + ":" + rule.groupId(), rule)));
			workload.geofenceSnapshots(now)
				.forEach((fence) -> producer.send(record(Topics.GEOFENCES, fence.geofenceId(), fence)));
		}
	}

	private static <V> ProducerRecord<String, byte[]> record(TopicSpec<String, V> topic, String key, V value) {
		return new ProducerRecord<>(topic.name(), key,
				JsonSerdes.valueSerializer(topic).serialize(topic.name(), value));
	}

	private Process startChild(String applicationId, Path stateDir, String guarantee, Variant variant)
			throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>();
		command.add(java);
		String jvmOptions = (variant.jvm() != null) ? variant.jvm() : this.jvm;
		command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
		if (this.jfr) {
			Files.createDirectories(Path.of("target", "bench-jfr"));
			command
				.add("-XX:StartFlightRecording=filename=target/bench-jfr/" + applicationId + ".jfr," + this.jfrOptions);
		}
		Map<String, String> props = new LinkedHashMap<>();
		props.put("fleetgrid.stream.application-id", applicationId);
		props.put("fleetgrid.stream.state-dir", stateDir.toString());
		props.put("fleetgrid.stream.processing-guarantee", guarantee);
		if (this.commitInterval != null) {
			props.put("fleetgrid.stream.commit-interval", this.commitInterval);
		}
		// as in application.yml
		props.put("fleetgrid.stream.device-state-interval", "5s");
		props.putAll(variant.properties());
		props.forEach((key, value) -> command.add("-D" + key + "=" + value));
		String classpath = System.getProperty("java.class.path");
		if (variant.classes() != null) {
			classpath = variant.classes() + File.pathSeparator + classpath;
		}
		command.add("-cp");
		command.add(classpath);
		command.add(BenchStreamsMain.class.getName());
		command.add(this.bootstrap);
		File log = log(applicationId).toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (!Files.readString(log.toPath()).contains("RUNNING")) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				process.destroyForcibly();
				throw new IllegalStateException("stream processor did not start, see " + log);
			}
			Thread.sleep(100);
		}
		return process;
	}

	private static Path log(String applicationId) throws IOException {
		return Files.createDirectories(Path.of("target", "bench-logs")).resolve(applicationId + ".log");
	}

	private static void stopChild(Process child) throws InterruptedException {
		try (Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
			in.write("exit\n");
		}
		catch (IOException ex) {
			// already gone
		}
		if (!child.waitFor(40, TimeUnit.SECONDS)) {
			child.destroyForcibly().waitFor();
		}
	}

	private static long cpuNanos(Process child) {
		return child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	private KafkaProducer<String, byte[]> producer() {
		// as ingest-service produces: acks=all, lz4, linger 5 ms, 256 KiB batches
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
						ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
				new StringSerializer(), new ByteArraySerializer());
	}

	private KafkaConsumer<String, byte[]> alertConsumer() {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed", ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
				new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static List<TopicPartition> partitions(TopicSpec<?, ?> topic) {
		List<TopicPartition> list = new ArrayList<>();
		for (int p = 0; p < topic.partitions(); p++) {
			list.add(new TopicPartition(topic.name(), p));
		}
		return list;
	}

	private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
		Map<TopicPartition, OffsetSpec> request = partitions(Topics.TELEMETRY).stream()
			.collect(Collectors.toMap((tp) -> tp, (tp) -> OffsetSpec.latest()));
		return admin.listOffsets(request)
			.all()
			.get()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().offset()));
	}

	private static long committed(Admin admin, String group) throws Exception {
		return admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get()
			.entrySet()
			.stream()
			.filter((e) -> e.getKey().topic().equals(Topics.TELEMETRY.name()) && e.getValue() != null)
			.mapToLong((e) -> e.getValue().offset())
			.sum();
	}

	private static long sum(Map<TopicPartition, Long> offsets) {
		return offsets.values().stream().mapToLong(Long::longValue).sum();
	}

	private static void deleteRecursively(Path dir) throws IOException {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	/**
	 * A variant of the stream processor: a name, System properties for the child
	 * ({@code fleetgrid.stream.*}, {@code bench.kafka.*}) and optionally a directory of
	 * classes that shadows the module's own (an older build, for a side-by-side
	 * comparison) and optionally the child's JVM options instead of {@code bench.jvm}.
	 * Written {@code name[:key=value,key=value]}, with the key {@code classes} for the
	 * directory and {@code jvm} for the options (separated by spaces).
	 *
	 * @param name name in the table
	 * @param properties System properties for the child
	 * @param classes directory of classes placed first on the class path, or null
	 * @param jvm JVM options of the child, or null for {@code bench.jvm}
	 */
	record Variant(String name, Map<String, String> properties, String classes, String jvm) {

		static Variant parse(String spec) {
			int colon = spec.indexOf(':');
			if (colon < 0) {
				return new Variant(spec.trim(), Map.of(), null, null);
			}
			Map<String, String> props = new LinkedHashMap<>();
			String classes = null;
			String jvm = null;
			for (String pair : spec.substring(colon + 1).split(",")) {
				int eq = pair.indexOf('=');
				String key = pair.substring(0, eq).trim();
				String value = pair.substring(eq + 1).trim();
				if (key.equals("classes")) {
					classes = value;
				}
				else if (key.equals("jvm")) {
					jvm = value;
				}
				else {
					props.put(key, value);
				}
			}
			return new Variant(spec.substring(0, colon).trim(), props, classes, jvm);
		}

	}

}
