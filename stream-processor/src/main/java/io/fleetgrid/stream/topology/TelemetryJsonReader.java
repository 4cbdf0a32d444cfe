package io.fleetgrid.stream.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.MetricValues;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.serde.EventDeserializer;
import io.fleetgrid.contracts.serde.EventTypes;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code fleetgrid.telemetry.v1} values with Jackson's streaming parser instead of
 * binding them, with the results and the errors of the databind reader it replaces.
 * <p>
 * The fast path takes the shape ingest writes and every input whose binding is plain:
 * each known property at most once; {@code deviceId} and {@code tenantId} as text,
 * {@code deviceType} as the exact name of a constant, {@code ts} and {@code receivedAt}
 * in {@link TelemetryReader#parseUtc the UTC form}, {@code seq} as an integer within
 * {@code long}, {@code metrics} as an object of text, booleans, integers within
 * {@code long}, finite decimals and lists of text; any of them may be null or absent;
 * other properties are skipped. Values are the ones databind produces there ({@link Long}
 * for integers, {@link Double} for decimals), and the event is built through the record's
 * constructor. A syntax error, a trailing token or a value the record rejects (for
 * example a missing {@code deviceId} or a negative {@code seq}) fails here with a
 * {@link SerializationException} naming the topic and the property.
 * <p>
 * Everything else goes to the databind reader (the slow path), which either binds it the
 * way it always did or fails with its own message: a repeated property, text where a
 * number is expected and the reverse, another instant form, another enum spelling,
 * {@code null} or an invalid value inside {@code metrics} (a later property of the same
 * name could still replace it), integers beyond {@code long}, decimals beyond
 * {@code double}, a value that is not an object.
 */
final class TelemetryJsonReader implements Deserializer<TelemetryEvent> {

	private static final String TARGET = TelemetryEvent.class.getSimpleName();

	private static final int DEVICE_ID = 1;

	private static final int TENANT_ID = 1 << 1;

	private static final int DEVICE_TYPE = 1 << 2;

	private static final int TS = 1 << 3;

	private static final int SEQ = 1 << 4;

	private static final int RECEIVED_AT = 1 << 5;

	private static final int METRICS = 1 << 6;

	private final JsonFactory factory;

	private final ParserSettings settings;

	private final Deserializer<TelemetryEvent> databind;

	/**
	 * A reader parsing with {@code mapper}'s settings.
	 * @param mapper the mapper of the contract, for its parser settings
	 * @param databind the reader of everything the fast path does not take
	 */
	TelemetryJsonReader(JsonMapper mapper, Deserializer<TelemetryEvent> databind) {
		this.factory = mapper.tokenStreamFactory();
		this.settings = new ParserSettings(mapper);
		this.databind = databind;
	}

	@Override
	public TelemetryEvent deserialize(String topic, byte[] data) {
		if (data == null || data.length == 0) {
			// null is a tombstone; the databind reader rejects an empty value with the
			// contract's message
			return this.databind.deserialize(topic, data);
		}
		TelemetryEvent event = readFast(topic, data);
		return (event != null) ? event : this.databind.deserialize(topic, data);
	}

	@Override
	public TelemetryEvent deserialize(String topic, Headers headers, byte[] data) {
		if (data == null) {
			return null;
		}
		EventDeserializer.checkHeaders(EventTypes.TELEMETRY, topic, headers);
		return deserialize(topic, data);
	}

	/**
	 * The fast path.
	 * @param topic the topic, for the messages
	 * @param data a non-empty value
	 * @return the event, or null if the value must go to the databind reader
	 * @throws SerializationException if the value is no valid telemetry event
	 */
	TelemetryEvent readFast(String topic, byte[] data) {
		String property = null;
		try (JsonParser parser = this.factory.createParser(this.settings, data)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			String deviceId = null;
			String tenantId = null;
			DeviceType deviceType = null;
			Instant ts = null;
			Long seq = null;
			Instant receivedAt = null;
			Map<String, Object> metrics = null;
			int seen = 0;
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				property = name;
				int bit = bit(name);
				if (bit == 0) {
					parser.nextToken();
					parser.skipChildren();
					continue;
				}
				if ((seen & bit) != 0) {
					return null;
				}
				seen |= bit;
				JsonToken token = parser.nextToken();
				if (token == JsonToken.VALUE_NULL) {
					continue;
				}
				switch (bit) {
					case DEVICE_ID -> deviceId = text(parser, token);
					case TENANT_ID -> tenantId = text(parser, token);
					case DEVICE_TYPE -> deviceType = deviceType(parser, token);
					case TS -> ts = instant(parser, token);
					case SEQ -> seq = seq(parser, token);
					case RECEIVED_AT -> receivedAt = instant(parser, token);
					default -> metrics = metrics(parser, token);
				}
			}
			property = null;
			JsonToken trailing = parser.nextToken();
			if (trailing != null) {
				throw failure(topic, "trailing token " + trailing + " after the " + TARGET + " object", null);
			}
			return new TelemetryEvent(deviceId, tenantId, deviceType, ts, seq, receivedAt, metrics);
		}
		catch (SlowPath ex) {
			return null;
		}
		catch (JacksonException ex) {
			throw failure(topic, ex.getOriginalMessage() + at(property), ex);
		}
		catch (IllegalArgumentException ex) {
			throw failure(topic, ex.getMessage() + at(property), ex);
		}
	}

	private static int bit(String name) {
		return switch (name) {
			case "deviceId" -> DEVICE_ID;
			case "tenantId" -> TENANT_ID;
			case "deviceType" -> DEVICE_TYPE;
			case "ts" -> TS;
			case "seq" -> SEQ;
			case "receivedAt" -> RECEIVED_AT;
			case "metrics" -> METRICS;
			default -> 0;
		};
	}

	private static String text(JsonParser parser, JsonToken token) {
		if (token != JsonToken.VALUE_STRING) {
			throw SlowPath.INSTANCE;
		}
		return parser.getString();
	}

	private static DeviceType deviceType(JsonParser parser, JsonToken token) {
		return switch (text(parser, token)) {
			case "VEHICLE" -> DeviceType.VEHICLE;
			case "INVERTER" -> DeviceType.INVERTER;
			case "BATTERY" -> DeviceType.BATTERY;
			case "METER" -> DeviceType.METER;
			default -> throw SlowPath.INSTANCE;
		};
	}

	private static Instant instant(JsonParser parser, JsonToken token) {
		Instant instant = TelemetryReader.parseUtc(text(parser, token));
		if (instant == null) {
			throw SlowPath.INSTANCE;
		}
		return instant;
	}

	private static Long seq(JsonParser parser, JsonToken token) {
		if (token != JsonToken.VALUE_NUMBER_INT) {
			throw SlowPath.INSTANCE;
		}
		return integer(parser);
	}

	private static Long integer(JsonParser parser) {
		JsonParser.NumberType type = parser.getNumberType();
		if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
			throw SlowPath.INSTANCE;
		}
		return parser.getLongValue();
	}

	private static Map<String, Object> metrics(JsonParser parser, JsonToken token) {
		if (token != JsonToken.START_OBJECT) {
			throw SlowPath.INSTANCE;
		}
		MetricValues.Builder builder = MetricValues.builder();
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			builder.put(name, metric(parser, parser.nextToken()));
		}
		return builder.build();
	}

	private static Object metric(JsonParser parser, JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> parser.getString();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case VALUE_NUMBER_INT -> integer(parser);
			case VALUE_NUMBER_FLOAT -> decimal(parser);
			case START_ARRAY -> texts(parser);
			default -> throw SlowPath.INSTANCE;
		};
	}

	private static Double decimal(JsonParser parser) {
		if (parser.getNumberType() != JsonParser.NumberType.DOUBLE) {
			throw SlowPath.INSTANCE;
		}
		double value = parser.getDoubleValue();
		if (!Double.isFinite(value)) {
			throw SlowPath.INSTANCE;
		}
		return value;
	}

	private static List<String> texts(JsonParser parser) {
		List<String> texts = new ArrayList<>(4);
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			texts.add(text(parser, token));
		}
		return List.copyOf(texts);
	}

	private static String at(String property) {
		return (property != null) ? " (at " + property + ")" : "";
	}

	private static SerializationException failure(String topic, String problem, Exception cause) {
		return new SerializationException("Cannot read " + EventTypes.TELEMETRY.id() + " from topic " + topic + " into "
				+ TARGET + ": " + problem, cause);
	}

	@Override
	public String toString() {
		return "TelemetryJsonReader[" + EventTypes.TELEMETRY.id() + " " + EventTypes.TELEMETRY.version() + " into "
				+ TelemetryEvent.class.getName() + "]";
	}

	/**
	 * The parser settings of a mapper, as its {@code createParser} passes them (the
	 * mapper's stream and format read features, its factory's constraints), without the
	 * deserialization context it creates for every parser.
	 */
	private static final class ParserSettings extends ObjectReadContext.Base {

		private final TokenStreamFactory factory;

		private final int streamReadFeatures;

		private final int formatReadFeatures;

		ParserSettings(JsonMapper mapper) {
			DeserializationConfig config = mapper.deserializationConfig();
			this.factory = mapper.tokenStreamFactory();
			this.streamReadFeatures = config.getStreamReadFeatures();
			this.formatReadFeatures = config.getFormatReadFeatures();
		}

		@Override
		public TokenStreamFactory tokenStreamFactory() {
			return this.factory;
		}

		@Override
		public StreamReadConstraints streamReadConstraints() {
			return this.factory.streamReadConstraints();
		}

		@Override
		public int getStreamReadFeatures(int defaults) {
			return this.streamReadFeatures;
		}

		@Override
		public int getFormatReadFeatures(int defaults) {
			return this.formatReadFeatures;
		}

	}

	/** Hands the value to the databind reader; thrown without a stack trace. */
	private static final class SlowPath extends RuntimeException {

		static final SlowPath INSTANCE = new SlowPath();

		private SlowPath() {
			super("value for the databind reader", null, false, false);
		}

	}

}
