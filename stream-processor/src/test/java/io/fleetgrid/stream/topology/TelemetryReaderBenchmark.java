package io.fleetgrid.stream.topology;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.serde.EventHeaders;
import io.fleetgrid.contracts.serde.EventTypes;
import io.fleetgrid.contracts.topic.Topics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CPU time per event of the telemetry deserializer against the databind one it replaced,
 * single-threaded, on the events of the stream-processor benchmark's workload. Not a unit
 * test (the name does not end in {@code Tests}); run it explicitly:
 * {@code ./fleetgrid mvn -o -pl stream-processor -am verify -DskipITs
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=TelemetryReaderBenchmark -Dbench=true}.
 */
class TelemetryReaderBenchmark {

	@Test
	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	void parseCostPerEvent() {
		Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
		int events = Integer.getInteger("bench.events", 20_000);
		int rounds = Integer.getInteger("bench.rounds", 15);
		byte[][] input = new byte[events][];
		for (int i = 0; i < events; i++) {
			input[i] = TelemetryReaderTests.workloadEvent(i).getBytes(StandardCharsets.UTF_8);
		}
		Headers headers = new RecordHeaders()
			.add(EventHeaders.TYPE, EventTypes.TELEMETRY.id().getBytes(StandardCharsets.UTF_8))
			.add(EventHeaders.SCHEMA_VERSION,
					EventTypes.TELEMETRY.version().toString().getBytes(StandardCharsets.UTF_8));
		Deserializer<TelemetryEvent> databind = TelemetryReader.databindDeserializer();
		Deserializer<TelemetryEvent> streaming = TelemetryReader.deserializer();
		for (byte[] json : input) {
			assertThat(streaming.deserialize(Topics.TELEMETRY.name(), headers, json))
				.isEqualTo(databind.deserialize(Topics.TELEMETRY.name(), headers, json));
		}
		// JIT warm-up, not reported
		for (int r = 0; r < 5; r++) {
			run(databind, input, headers);
			run(streaming, input, headers);
		}
		double[] databindNanos = new double[rounds];
		double[] streamingNanos = new double[rounds];
		for (int r = 0; r < rounds; r++) {
			databindNanos[r] = run(databind, input, headers);
			streamingNanos[r] = run(streaming, input, headers);
		}
		Arrays.sort(databindNanos);
		Arrays.sort(streamingNanos);
		System.out.println("reader events rounds cpu_ns_per_event_min cpu_ns_per_event_median bytes_per_event");
		int bytes = Arrays.stream(input).mapToInt((json) -> json.length).sum() / events;
		System.out.println(String.format(Locale.ROOT, "databind %d %d %.0f %.0f %d", events, rounds, databindNanos[0],
				databindNanos[rounds / 2], bytes));
		System.out.println(String.format(Locale.ROOT, "streaming %d %d %.0f %.0f %d", events, rounds, streamingNanos[0],
				streamingNanos[rounds / 2], bytes));
	}

	private static double run(Deserializer<TelemetryEvent> deserializer, byte[][] input, Headers headers) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long sum = 0;
		long start = threads.getCurrentThreadCpuTime();
		for (byte[] json : input) {
			sum += deserializer.deserialize(Topics.TELEMETRY.name(), headers, json).metrics().size();
		}
		long cpu = threads.getCurrentThreadCpuTime() - start;
		assertThat(sum).isEqualTo(10L * input.length);
		return (double) cpu / input.length;
	}

}
