package io.fleetgrid.ingest.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fleetgrid.contracts.event.DeadLetter;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.telemetry.TelemetryPoint;
import io.fleetgrid.contracts.telemetry.TelemetryValidator;
import io.fleetgrid.contracts.telemetry.ValidationError;
import io.fleetgrid.contracts.telemetry.ValidationResult;
import io.fleetgrid.ingest.device.VerifiedDevice;
import io.fleetgrid.ingest.problem.IngestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates, deduplicates, rate-limits and publishes the telemetry of one authenticated
 * device. HTTP waits for the outcome ({@link #ingest}); MQTT composes on it
 * ({@link #ingestAsync}).
 */
public class TelemetryIngestor {

	/** {@link DeadLetter#source()} of HTTP rejections. */
	public static final String SOURCE_HTTP = "ingest-http";

	/** {@link DeadLetter#source()} of MQTT rejections. */
	public static final String SOURCE_MQTT = "ingest-mqtt";

	private static final Logger LOGGER = LoggerFactory.getLogger(TelemetryIngestor.class);

	private final TelemetryValidator validator;

	private final DuplicateFilter duplicates;

	private final RateLimiter rateLimiter;

	private final TelemetryPublisher publisher;

	private final TelemetryProperties properties;

	private final Clock clock;

	/**
	 * Creates the ingestor.
	 * @param validator the contract's validator
	 * @param duplicates duplicate suppression
	 * @param rateLimiter rate limits (HTTP only)
	 * @param publisher Kafka
	 * @param properties limits
	 * @param clock receive time
	 */
	public TelemetryIngestor(TelemetryValidator validator, DuplicateFilter duplicates, RateLimiter rateLimiter,
			TelemetryPublisher publisher, TelemetryProperties properties, Clock clock) {
		this.validator = validator;
		this.duplicates = duplicates;
		this.rateLimiter = rateLimiter;
		this.publisher = publisher;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Ingests an HTTP body and waits until Kafka acknowledged it.
	 * @param device the authenticated device
	 * @param body the raw body
	 * @return the number of events accepted (duplicates included: they were accepted
	 * before)
	 * @throws IngestException 400 (invalid; dead-lettered), 429, or 503 (Kafka
	 * unavailable; nothing accepted)
	 */
	public int ingest(VerifiedDevice device, byte[] body) {
		Instant receivedAt = this.clock.instant();
		ValidationResult result = this.validator.validate(body, device.deviceId());
		if (result instanceof ValidationResult.Rejected rejected) {
			// Rate limit first, dead letter second: an invalid body costs its device and
			// tenant
			// one event, so a device flooding garbage gets 429 instead of filling the
			// dead-letter topic (a body that cannot be parsed has no event count to
			// charge).
			this.rateLimiter.acquire(device.deviceId(), device.tenantId(), 1);
			this.publisher.deadLetter(deadLetter(device, SOURCE_HTTP, rejected, receivedAt, body))
				.exceptionally((ex) -> {
					LOGGER.warn("Could not dead-letter a rejected body of {}: {}", device.deviceId(), ex.toString());
					return null;
				});
			throw invalid(rejected);
		}
		List<TelemetryPoint> points = ((ValidationResult.Accepted) result).events();
		this.rateLimiter.acquire(device.deviceId(), device.tenantId(), points.size());
		List<TelemetryPoint> fresh = this.duplicates.fresh(device.deviceId(), points);
		try {
			publish(device, fresh, receivedAt).get(this.properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw kafkaUnavailable();
		}
		catch (ExecutionException | TimeoutException ex) {
			LOGGER.warn("Kafka did not acknowledge {} events of {}: {}", fresh.size(), device.deviceId(),
					String.valueOf(ex.getCause()));
			throw kafkaUnavailable();
		}
		return points.size();
	}

	/**
	 * Ingests an MQTT payload: valid events go to the telemetry topic, an invalid payload
	 * to the dead-letter topic. No rate limit (the broker's concern).
	 * @param device the device (from the topic, authenticated by the broker)
	 * @param payload the raw payload
	 * @return completes when Kafka acknowledged whatever had to be written
	 */
	public CompletableFuture<Void> ingestAsync(VerifiedDevice device, byte[] payload) {
		Instant receivedAt = this.clock.instant();
		ValidationResult result = this.validator.validate(payload, device.deviceId());
		if (result instanceof ValidationResult.Rejected rejected) {
			return this.publisher.deadLetter(deadLetter(device, SOURCE_MQTT, rejected, receivedAt, payload));
		}
		List<TelemetryPoint> points = ((ValidationResult.Accepted) result).events();
		return publish(device, this.duplicates.fresh(device.deviceId(), points), receivedAt);
	}

	/**
	 * Dead-letters a payload that cannot be attributed or accepted.
	 * @param deviceId the device, or null
	 * @param tenantId its tenant, or null
	 * @param reason why
	 * @param payload the payload
	 * @return completes when Kafka acknowledged it
	 */
	public CompletableFuture<Void> deadLetter(String deviceId, String tenantId, String reason, byte[] payload) {
		return this.publisher.deadLetter(
				DeadLetter.of(deviceId, tenantId, SOURCE_MQTT, reason, List.of(), this.clock.instant(), payload));
	}

	private CompletableFuture<Void> publish(VerifiedDevice device, List<TelemetryPoint> points, Instant receivedAt) {
		List<TelemetryEvent> events = points.stream()
			.map((point) -> point.toEvent(device.deviceId(), device.tenantId(), device.type(), receivedAt))
			.toList();
		return this.publisher.publish(events).thenRun(() -> this.duplicates.remember(device.deviceId(), points));
	}

	private IngestException kafkaUnavailable() {
		return IngestException.unavailable(
				"telemetry cannot be stored right now; nothing of this request was " + "accepted, retry later",
				this.properties.retryAfter());
	}

	private static DeadLetter deadLetter(VerifiedDevice device, String source, ValidationResult.Rejected rejected,
			Instant receivedAt, byte[] body) {
		List<String> errors = rejected.errors().stream().map(ValidationError::toString).toList();
		return DeadLetter.of(device.deviceId(), device.tenantId(), source, summary(rejected), errors, receivedAt, body);
	}

	private static String summary(ValidationResult.Rejected rejected) {
		ValidationError first = rejected.errors().get(0);
		if (first.index() == ValidationError.BODY) {
			return "invalid body: " + first.message();
		}
		long events = rejected.errors().stream().mapToInt(ValidationError::index).distinct().count();
		return events + ((events == 1) ? " invalid event" : " invalid events")
				+ (rejected.truncated() ? " (or more)" : "") + "; nothing of the body was accepted";
	}

	private static IngestException invalid(ValidationResult.Rejected rejected) {
		boolean tooLarge = rejected.errors()
			.stream()
			.anyMatch((error) -> error.code() == ValidationError.Code.BODY_TOO_LARGE);
		if (tooLarge) {
			return IngestException.tooLarge(rejected.errors().get(0).reason());
		}
		List<Map<String, Object>> errors = rejected.errors().stream().map(TelemetryIngestor::asMap).toList();
		return new IngestException(400, "Invalid telemetry", summary(rejected), null,
				Map.of("errors", errors, "truncated", rejected.truncated()));
	}

	private static Map<String, Object> asMap(ValidationError error) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("index", error.index());
		map.put("field", error.field());
		map.put("code", error.code().name());
		map.put("reason", error.reason());
		return map;
	}

}
