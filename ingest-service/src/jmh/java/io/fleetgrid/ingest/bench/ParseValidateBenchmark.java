package io.fleetgrid.ingest.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.telemetry.TelemetryPoint;
import io.fleetgrid.contracts.telemetry.TelemetryValidator;
import io.fleetgrid.contracts.telemetry.ValidationResult;
import io.fleetgrid.contracts.topic.Topics;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CPU per event of ingest's own work, without HTTP and Kafka: parse + validate (the
 * contract's {@link TelemetryValidator} on the raw bytes), and parse + validate + enrich +
 * serialise the record value (what a 202 costs besides transport). Run by
 * {@code ingest-service/bench/run.sh} or alone:
 * {@code ingest-service/bench/run.sh jmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = { "-Xmx256m" })
public class ParseValidateBenchmark {

	private static final int BATCH = 500;

	private static final String DEVICE = "veh-0001";

	private final TelemetryValidator validator = new TelemetryValidator(Clock.systemUTC());

	private final Serializer<TelemetryEvent> serializer = JsonSerdes.valueSerializer(Topics.TELEMETRY);

	private byte[] single;

	private byte[] batch;

	@Setup
	public void setUp() {
		Instant now = Instant.now();
		this.single = event(now, 1).getBytes(StandardCharsets.UTF_8);
		StringJoiner array = new StringJoiner(",", "[", "]");
		for (int i = 0; i < BATCH; i++) {
			array.add(event(now, i));
		}
		this.batch = array.toString().getBytes(StandardCharsets.UTF_8);
		if (!(this.validator.validate(this.batch, DEVICE) instanceof ValidationResult.Accepted)) {
			throw new IllegalStateException("the benchmark's batch must be valid");
		}
	}

	/** A vehicle event as the simulator sends it (~330 bytes, 15 metrics). */
	static String event(Instant ts, int seq) {
		return "{\"ts\":\"" + ts + "\",\"seq\":" + seq + ",\"metrics\":{\"ignition\":true,\"lat\":"
				+ (52.52 + seq * 1e-5) + ",\"lon\":" + (13.405 - seq * 1e-5) + ",\"speedKph\":" + (seq % 120)
				+ ".4,\"headingDeg\":181.5,\"accelMps2\":-0.42,\"odometerKm\":12345.678,\"engineRpm\":2150,"
				+ "\"coolantTempC\":89.5,\"oilPressureKpa\":310.2,\"tirePressureKpa\":231.0,\"fuelLevelPct\":61.3,"
				+ "\"batteryVoltageV\":14.1,\"engineHours\":812.25,\"dtcCodes\":[\"P0301\"]}}";
	}

	/**
	 * One event posted alone.
	 * @return the result
	 */
	@Benchmark
	public ValidationResult validateSingleEvent() {
		return this.validator.validate(this.single, DEVICE);
	}

	/**
	 * A 500-event batch, reported per event.
	 * @return the result
	 */
	@Benchmark
	@OperationsPerInvocation(BATCH)
	public ValidationResult validateBatchPerEvent() {
		return this.validator.validate(this.batch, DEVICE);
	}

	/**
	 * A 500-event batch through everything ingest does before the producer: validate,
	 * enrich, serialise each record value; reported per event.
	 * @param blackhole sink
	 */
	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void validateEnrichSerializeBatchPerEvent(Blackhole blackhole) {
		ValidationResult result = this.validator.validate(this.batch, DEVICE);
		List<TelemetryPoint> points = ((ValidationResult.Accepted) result).events();
		Instant receivedAt = Instant.now();
		List<byte[]> values = new ArrayList<>(points.size());
		for (TelemetryPoint point : points) {
			TelemetryEvent event = point.toEvent(DEVICE, "tenant-1", DeviceType.VEHICLE, receivedAt);
			values.add(this.serializer.serialize(Topics.TELEMETRY.name(), new RecordHeaders(), event));
		}
		blackhole.consume(values);
	}

}
