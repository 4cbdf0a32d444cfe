package io.fleetgrid.stream.topology;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.serde.EventDeserializer;
import io.fleetgrid.contracts.serde.EventTypes;
import io.fleetgrid.contracts.serde.JsonSerdes;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The telemetry deserializer of the {@link TelemetryProcessor}: a
 * {@link TelemetryJsonReader streaming reader} (same header checks, results and errors as
 * the contracts' reader; binding {@code TelemetryEvent} through databind was about a
 * tenth of the CPU per event) over the contracts' databind reader, which reads whatever
 * the streaming reader leaves to it. Both read {@code ts} and {@code receivedAt} in the
 * form ingest writes ({@code 2026-06-21T10:00:00.123Z}: UTC, {@code Z}, 0 to 9 fraction
 * digits) without {@code DateTimeFormatter}, which was about a twentieth of the CPU per
 * event; every other form goes to Jackson's own deserializer, as before.
 */
final class TelemetryReader {

	private TelemetryReader() {
	}

	/**
	 * A deserializer for {@code fleetgrid.telemetry.v1} values.
	 * @return the deserializer
	 */
	static Deserializer<TelemetryEvent> deserializer() {
		return new TelemetryJsonReader(JsonSerdes.mapper(), databindDeserializer());
	}

	/**
	 * The databind deserializer for {@code fleetgrid.telemetry.v1} values: the contracts'
	 * reader with {@link #parseUtc} for the instants. The slow path of
	 * {@link #deserializer()}, and the reference its results are compared with.
	 * @return the deserializer
	 */
	static Deserializer<TelemetryEvent> databindDeserializer() {
		SimpleModule module = new SimpleModule("fleetgrid-utc-instants");
		module.addDeserializer(Instant.class, new UtcInstantDeserializer());
		return new EventDeserializer<>(EventTypes.TELEMETRY, TelemetryEvent.class,
				JsonSerdes.mapper().rebuild().addModule(module).build());
	}

	/**
	 * Reads {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}.
	 * @param text the text
	 * @return the instant, or null if the text has another form (or is no valid date)
	 */
	static Instant parseUtc(String text) {
		int length = text.length();
		if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
				|| second > 59) {
			return null;
		}
		int nanos = 0;
		if (length > 20) {
			int fraction = length - 21;
			if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
				return null;
			}
			nanos = digits(text, 20, fraction);
			if (nanos < 0) {
				return null;
			}
			for (int i = fraction; i < 9; i++) {
				nanos *= 10;
			}
		}
		else if (length != 20) {
			return null;
		}
		long epochDay;
		try {
			epochDay = LocalDate.of(year, month, day).toEpochDay();
		}
		catch (DateTimeException ex) {
			return null;
		}
		return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
	}

	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/** {@link #parseUtc} first, Jackson's {@link InstantDeserializer} for the rest. */
	static final class UtcInstantDeserializer extends ValueDeserializer<Instant> {

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.VALUE_STRING) {
				Instant instant = parseUtc(parser.getString());
				if (instant != null) {
					return instant;
				}
			}
			return InstantDeserializer.INSTANT.deserialize(parser, context);
		}

		@Override
		public Class<?> handledType() {
			return Instant.class;
		}

	}

}
