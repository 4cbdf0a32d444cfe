package io.fleetgrid.contracts.telemetry;

import java.io.Serial;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

import io.fleetgrid.contracts.event.MetricValues;
import io.fleetgrid.contracts.telemetry.ValidationError.Code;

/**
 * Validates device telemetry bodies (HTTP body or MQTT payload) against the public
 * contract ({@code shared/API.md}, "Device credentials and ingest") and turns them into
 * {@link TelemetryPoint}s. Thread-safe; create one and share it.
 * <h2>Rules</h2>
 * <ul>
 * <li>The body is strictly valid UTF-8 JSON (RFC 8259, RFC 3629: no overlong sequences,
 * no encoded surrogates, no raw NUL bytes, so no UTF-16 or UTF-32; a leading byte order
 * mark is tolerated), at most {@link TelemetryLimits#maxBodyBytes()} bytes: one event
 * object, or an array of 1 to {@link TelemetryLimits#maxEvents()} event objects. If any
 * event is invalid, the whole body is rejected.</li>
 * <li>An event has exactly these fields: {@code ts} (required), {@code seq},
 * {@code deviceId} and {@code metrics} (required). Any other top-level field is
 * <em>rejected</em> ({@link Code#UNKNOWN_FIELD}), so that a misspelt {@code seq} does not
 * silently disable duplicate suppression; new optional fields arrive with a new contract
 * version of this validator. An explicit {@code null} for {@code seq} or {@code deviceId}
 * means "absent".</li>
 * <li>{@code ts}: ISO-8601 text with seconds and a zone ({@code Z} or {@code ±hh:mm}),
 * fraction up to nanoseconds, or whole epoch milliseconds; not more than
 * {@link TelemetryLimits#maxFutureSkew()} ahead of the server clock and not more than
 * {@link TelemetryLimits#maxAge()} behind it.</li>
 * <li>{@code seq}: a whole number from 0 to 2<sup>63</sup>-1.</li>
 * <li>{@code deviceId}: text equal to the authenticated device id.</li>
 * <li>{@code metrics}: an object of at most {@link TelemetryLimits#maxMetrics()} entries
 * (it may be empty: a heartbeat). Names are 1 to
 * {@link TelemetryLimits#maxMetricNameLength()} characters of {@code A-Z a-z 0-9 _ - .},
 * starting with a letter. Values are finite numbers (integers must fit in 64 bits,
 * decimals in a 64-bit double; {@code NaN} and {@code Infinity} are refused), booleans,
 * text of at most {@link TelemetryLimits#maxTextLength()} characters, or arrays of at
 * most {@link TelemetryLimits#maxListItems()} such texts. Text must not contain control
 * characters, unpaired surrogates or the non-characters U+FFFE/U+FFFF. {@link KnownMetric
 * Known metrics} must have their type and lie in their range; unknown metrics pass
 * through.</li>
 * </ul>
 * <h2>Safety</h2> The validator never throws on bad input: malformed JSON, invalid UTF-8,
 * nesting deeper than {@value #MAX_NESTING_DEPTH}, oversized bodies, tokens or numbers
 * all become a {@link ValidationResult.Rejected} with a message fit to return to the
 * device. It reads the body with Jackson's streaming parser (no tree, no data binding),
 * with {@link StreamReadConstraints} as a second line of defence, and stops after
 * {@link TelemetryLimits#maxErrors()} errors.
 */
public final class TelemetryValidator {

	/** Deepest JSON nesting accepted; valid bodies need at most 4 levels. */
	public static final int MAX_NESTING_DEPTH = 16;

	private static final String FIELDS = "an event has only ts, seq, deviceId and metrics";

	private static final int QUOTE_MAX = 64;

	private static final Pattern SOURCE_REFERENCE = Pattern
		.compile(" ?\\(start marker at \\[Source: [^\\]]*\\]\\)| ?\\[Source: [^\\]]*\\]|, from `[^`]*`");

	private final Clock clock;

	private final TelemetryLimits limits;

	private final JsonFactory jsonFactory;

	/**
	 * A validator with the contract's {@link TelemetryLimits#DEFAULTS default limits}.
	 * @param clock the server clock for the {@code ts} checks
	 */
	public TelemetryValidator(Clock clock) {
		this(clock, TelemetryLimits.DEFAULTS);
	}

	/**
	 * A validator.
	 * @param clock the server clock for the {@code ts} checks
	 * @param limits the limits to enforce
	 */
	public TelemetryValidator(Clock clock, TelemetryLimits limits) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.limits = Objects.requireNonNull(limits, "limits");
		this.jsonFactory = JsonFactory.builder()
			// Read NaN and Infinity as numbers so that they are reported per metric.
			.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
			.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
			.disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(MAX_NESTING_DEPTH)
				.maxDocumentLength(limits.maxBodyBytes())
				.maxNameLength(Math.max(1024, limits.maxMetricNameLength()))
				.maxStringLength(limits.maxBodyBytes())
				.maxNumberLength(1000)
				.build())
			.build();
	}

	/**
	 * The limits this validator enforces.
	 * @return the limits
	 */
	public TelemetryLimits limits() {
		return this.limits;
	}

	/**
	 * Validates a body.
	 * @param body the raw body bytes
	 * @param deviceId the authenticated device
	 * @return the accepted events, or the reasons for rejecting the body
	 */
	public ValidationResult validate(byte[] body, String deviceId) {
		return validate(body, 0, (body != null) ? body.length : 0, deviceId);
	}

	/**
	 * Validates a body held in part of an array.
	 * @param body array holding the raw body bytes
	 * @param offset start of the body in the array
	 * @param length length of the body
	 * @param deviceId the authenticated device
	 * @return the accepted events, or the reasons for rejecting the body
	 */
	public ValidationResult validate(byte[] body, int offset, int length, String deviceId) {
		if (deviceId == null || deviceId.isEmpty()) {
			throw new IllegalArgumentException("the authenticated device id is required");
		}
		if (body != null) {
			Objects.checkFromIndexSize(offset, length, body.length);
		}
		if (body == null || length == 0) {
			return rejectBody(Code.EMPTY_BODY, "the body is empty; send one event object or an array of events");
		}
		if (length > this.limits.maxBodyBytes()) {
			return rejectBody(Code.BODY_TOO_LARGE, "the body has " + length + " bytes; at most "
					+ this.limits.maxBodyBytes() + " are allowed (split the batch)");
		}
		String encodingProblem = Utf8.problem(body, offset, length);
		if (encodingProblem != null) {
			return rejectBody(Code.MALFORMED_JSON, "the body is not valid UTF-8: " + encodingProblem);
		}
		Run run = new Run(deviceId, this.clock.instant(), this.limits);
		try (JsonParser parser = this.jsonFactory.createParser(ObjectReadContext.empty(), body, offset, length)) {
			readBody(parser, run);
		}
		catch (StopValidation ex) {
			// maxErrors reached
		}
		catch (StreamConstraintsException ex) {
			run.bodyError(Code.JSON_LIMIT_EXCEEDED,
					"the JSON exceeds a limit" + location(ex) + ": " + parserMessage(ex));
		}
		catch (JacksonException ex) {
			run.bodyError(Code.MALFORMED_JSON, "malformed JSON" + location(ex) + ": " + parserMessage(ex));
		}
		return run.result();
	}

	private void readBody(JsonParser parser, Run run) {
		JsonToken token = parser.nextToken();
		if (token == null) {
			run.bodyError(Code.EMPTY_BODY, "the body is empty; send one event object or an array of events");
			return;
		}
		if (token == JsonToken.START_OBJECT) {
			readEvent(parser, 0, run);
		}
		else if (token == JsonToken.START_ARRAY) {
			int index = 0;
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
				if (index == this.limits.maxEvents()) {
					run.bodyError(Code.TOO_MANY_EVENTS,
							"the batch has more than " + this.limits.maxEvents() + " events; split it");
					return;
				}
				if (token == JsonToken.START_OBJECT) {
					readEvent(parser, index, run);
				}
				else {
					run.error(index, "", Code.NOT_AN_OBJECT, "an event must be a JSON object, got " + describe(token));
					parser.skipChildren();
				}
				index++;
			}
			if (index == 0) {
				run.bodyError(Code.EMPTY_BATCH, "the batch is empty; send at least one event");
			}
		}
		else {
			run.bodyError(Code.NOT_AN_OBJECT,
					"the body must be an event object or an array of event objects, got " + describe(token));
			return;
		}
		if (parser.nextToken() != null) {
			run.bodyError(Code.MALFORMED_JSON,
					"unexpected content after the JSON value" + location(parser.currentTokenLocation()));
		}
	}

	private void readEvent(JsonParser parser, int index, Run run) {
		Instant ts = null;
		Long seq = null;
		Map<String, Object> metrics = null;
		boolean tsSeen = false;
		boolean seqSeen = false;
		boolean deviceIdSeen = false;
		boolean metricsSeen = false;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "ts" -> {
					if (tsSeen) {
						duplicate(parser, index, name, run);
					}
					else {
						tsSeen = true;
						ts = readTs(parser, value, index, run);
					}
				}
				case "seq" -> {
					if (seqSeen) {
						duplicate(parser, index, name, run);
					}
					else {
						seqSeen = true;
						seq = readSeq(parser, value, index, run);
					}
				}
				case "deviceId" -> {
					if (deviceIdSeen) {
						duplicate(parser, index, name, run);
					}
					else {
						deviceIdSeen = true;
						readDeviceId(parser, value, index, run);
					}
				}
				case "metrics" -> {
					if (metricsSeen) {
						duplicate(parser, index, name, run);
					}
					else {
						metricsSeen = true;
						metrics = readMetrics(parser, value, index, run);
					}
				}
				default -> {
					run.error(index, "", Code.UNKNOWN_FIELD,
							"unknown field " + Texts.quoted(name, QUOTE_MAX) + "; " + FIELDS);
					parser.skipChildren();
				}
			}
		}
		if (!tsSeen) {
			run.error(index, "ts", Code.MISSING_FIELD,
					"is required: ISO-8601 text like \"2026-11-23T10:15:30.123Z\" or epoch milliseconds");
		}
		if (!metricsSeen) {
			run.error(index, "metrics", Code.MISSING_FIELD,
					"is required: an object of metric names to values, like {\"speedKph\": 87.5}");
		}
		if (run.errorCount == 0 && ts != null && metrics != null) {
			run.points.add(new TelemetryPoint(ts, seq, metrics));
		}
	}

	private void duplicate(JsonParser parser, int index, String name, Run run) {
		run.error(index, name, Code.DUPLICATE_FIELD, "appears more than once");
		parser.skipChildren();
	}

	private Instant readTs(JsonParser parser, JsonToken token, int index, Run run) {
		Instant ts;
		boolean numeric = false;
		switch (token) {
			case VALUE_STRING -> {
				ts = IsoInstants.parse(parser.getStringCharacters(), parser.getStringOffset(),
						parser.getStringLength());
				if (ts == null) {
					run.error(index, "ts", Code.INVALID_TIMESTAMP,
							Texts.quoted(parser.getString(), QUOTE_MAX)
									+ " is not an ISO-8601 timestamp like \"2026-11-23T10:15:30.123Z\""
									+ " (date, 'T', time with seconds, then 'Z' or an offset like +01:00)");
					return null;
				}
			}
			case VALUE_NUMBER_INT -> {
				if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
					run.error(index, "ts", Code.INVALID_TIMESTAMP,
							Texts.printable(parser.getString(), 40) + " is not a valid epoch milliseconds value");
					return null;
				}
				long millis = parser.getLongValue();
				if (millis < 0) {
					run.error(index, "ts", Code.TIMESTAMP_TOO_OLD,
							"must not be negative, got " + millis + " epoch milliseconds");
					return null;
				}
				ts = Instant.ofEpochMilli(millis);
				numeric = true;
			}
			case VALUE_NUMBER_FLOAT -> {
				run.error(index, "ts", Code.INVALID_TIMESTAMP, "must be ISO-8601 text or whole epoch milliseconds, got "
						+ Texts.printable(parser.getString(), 40));
				return null;
			}
			default -> {
				run.error(index, "ts", (token == JsonToken.VALUE_NULL) ? Code.MISSING_FIELD : Code.WRONG_TYPE,
						"must be ISO-8601 text or epoch milliseconds, got " + describe(token));
				parser.skipChildren();
				return null;
			}
		}
		if (ts.isAfter(run.latestTs)) {
			Duration ahead = Duration.between(run.now, ts);
			run.error(index, "ts", Code.TIMESTAMP_IN_FUTURE,
					ts + " is " + Texts.duration(ahead) + " ahead of the server clock (" + run.now + "); at most "
							+ Texts.duration(this.limits.maxFutureSkew()) + " are allowed: check the device's clock");
			return null;
		}
		if (ts.isBefore(run.earliestTs)) {
			String hint = "";
			if (numeric && !Instant.ofEpochSecond(ts.toEpochMilli()).isBefore(run.earliestTs)
					&& !Instant.ofEpochSecond(ts.toEpochMilli()).isAfter(run.latestTs)) {
				hint = "; it looks like epoch seconds, but ts takes epoch milliseconds";
			}
			run.error(index, "ts", Code.TIMESTAMP_TOO_OLD, ts + " is more than " + Texts.duration(this.limits.maxAge())
					+ " before the server clock (" + run.now + ")" + hint);
			return null;
		}
		return ts;
	}

	private Long readSeq(JsonParser parser, JsonToken token, int index, Run run) {
		switch (token) {
			case VALUE_NUMBER_INT -> {
				if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
					run.error(index, "seq", Code.OUT_OF_RANGE,
							Texts.printable(parser.getString(), 40) + " does not fit in 64 bits");
					return null;
				}
				long seq = parser.getLongValue();
				if (seq < 0) {
					run.error(index, "seq", Code.OUT_OF_RANGE, "must not be negative, got " + seq);
					return null;
				}
				return seq;
			}
			case VALUE_NUMBER_FLOAT -> {
				run.error(index, "seq", Code.NOT_AN_INTEGER,
						"must be a whole number, got " + Texts.printable(parser.getString(), 40));
				return null;
			}
			case VALUE_NULL -> {
				return null;
			}
			default -> {
				run.error(index, "seq", Code.WRONG_TYPE, "must be a whole number, got " + describe(token));
				parser.skipChildren();
				return null;
			}
		}
	}

	private void readDeviceId(JsonParser parser, JsonToken token, int index, Run run) {
		if (token == JsonToken.VALUE_STRING) {
			String deviceId = parser.getString();
			if (!deviceId.equals(run.deviceId)) {
				run.error(index, "deviceId", Code.DEVICE_MISMATCH,
						Texts.quoted(deviceId, QUOTE_MAX) + " is not the authenticated device "
								+ Texts.quoted(run.deviceId, QUOTE_MAX)
								+ "; a device may only send its own telemetry (or leave deviceId out)");
			}
		}
		else if (token != JsonToken.VALUE_NULL) {
			run.error(index, "deviceId", Code.WRONG_TYPE, "must be text, got " + describe(token));
			parser.skipChildren();
		}
	}

	private Map<String, Object> readMetrics(JsonParser parser, JsonToken token, int index, Run run) {
		if (token != JsonToken.START_OBJECT) {
			run.error(index, "metrics", (token == JsonToken.VALUE_NULL) ? Code.MISSING_FIELD : Code.WRONG_TYPE,
					"must be an object of metric names to values, got " + describe(token));
			parser.skipChildren();
			return null;
		}
		MetricValues.Builder metrics = MetricValues.builder();
		int count = 0;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			count++;
			if (count > this.limits.maxMetrics()) {
				parser.skipChildren();
				continue;
			}
			String nameProblem = nameProblem(name);
			if (nameProblem != null) {
				run.error(index, "metrics", Code.INVALID_METRIC_NAME,
						"metric name " + Texts.quoted(name, QUOTE_MAX) + " " + nameProblem);
				parser.skipChildren();
				continue;
			}
			Object metric = readMetricValue(parser, value, name, index, run);
			if (metrics.contains(name)) {
				run.error(index, "metrics." + name, Code.DUPLICATE_FIELD, "appears more than once");
			}
			else if (metric != null) {
				metrics.put(name, metric);
			}
		}
		if (count > this.limits.maxMetrics()) {
			run.error(index, "metrics", Code.TOO_MANY_METRICS,
					"has " + count + " metrics; at most " + this.limits.maxMetrics() + " are allowed per event");
		}
		return metrics.build();
	}

	private String nameProblem(String name) {
		int length = name.length();
		if (length == 0) {
			return "is empty";
		}
		if (length > this.limits.maxMetricNameLength()) {
			return "is " + name.codePointCount(0, length) + " characters long; at most "
					+ this.limits.maxMetricNameLength() + " are allowed";
		}
		char first = name.charAt(0);
		if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
			return "must start with a letter";
		}
		for (int i = 1; i < length; i++) {
			char c = name.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
					|| c == '.')) {
				return "contains " + Texts.codePoint(name.codePointAt(i))
						+ "; use only letters, digits, '_', '-' and '.'";
			}
		}
		return null;
	}

	private Object readMetricValue(JsonParser parser, JsonToken token, String name, int index, Run run) {
		KnownMetric known = KnownMetric.lookup(name);
		switch (token) {
			case VALUE_NUMBER_INT -> {
				return readInteger(parser, known, name, index, run);
			}
			case VALUE_NUMBER_FLOAT -> {
				return readDecimal(parser, known, name, index, run);
			}
			case VALUE_TRUE, VALUE_FALSE -> {
				if (known != null && known.kind() != KnownMetric.Kind.BOOLEAN) {
					return wrongType(known, token, name, index, run);
				}
				return token == JsonToken.VALUE_TRUE;
			}
			case VALUE_STRING -> {
				if (known != null) {
					return wrongType(known, token, name, index, run);
				}
				return readText(parser.getString(), "metrics." + name, index, run);
			}
			case START_ARRAY -> {
				if (known != null && known.kind() != KnownMetric.Kind.OBD_CODES) {
					parser.skipChildren();
					return wrongType(known, token, name, index, run);
				}
				return readTextList(parser, known, name, index, run);
			}
			case VALUE_NULL -> {
				run.error(index, "metrics." + name, Code.WRONG_TYPE,
						"must not be null; leave a metric out when it has no value");
				return null;
			}
			default -> {
				parser.skipChildren();
				if (known != null) {
					return wrongType(known, token, name, index, run);
				}
				run.error(index, "metrics." + name, Code.WRONG_TYPE,
						"must be a number, true/false, text or an array of text, got " + describe(token));
				return null;
			}
		}
	}

	private Object readInteger(JsonParser parser, KnownMetric known, String name, int index, Run run) {
		if (known != null && (known.kind() == KnownMetric.Kind.BOOLEAN || known.kind() == KnownMetric.Kind.OBD_CODES)) {
			return wrongType(known, JsonToken.VALUE_NUMBER_INT, name, index, run);
		}
		if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
			run.error(index, "metrics." + name, Code.OUT_OF_RANGE, Texts.printable(parser.getString(), 40)
					+ " does not fit in 64 bits; send large values as decimals (for example 1.5e20)");
			return null;
		}
		long value = parser.getLongValue();
		if (known != null && !inRange(parser, known, value, name, index, run)) {
			return null;
		}
		return value;
	}

	private Object readDecimal(JsonParser parser, KnownMetric known, String name, int index, Run run) {
		if (known != null && (known.kind() == KnownMetric.Kind.BOOLEAN || known.kind() == KnownMetric.Kind.OBD_CODES)) {
			return wrongType(known, JsonToken.VALUE_NUMBER_FLOAT, name, index, run);
		}
		if (parser.isNaN()) {
			run.error(index, "metrics." + name, Code.NOT_FINITE,
					parser.getString() + " is not allowed; numbers must be finite (leave the metric out instead)");
			return null;
		}
		double value = parser.getDoubleValue();
		if (Double.isInfinite(value)) {
			run.error(index, "metrics." + name, Code.NOT_FINITE,
					Texts.printable(parser.getString(), 40) + " is too large for a 64-bit floating-point number");
			return null;
		}
		if (known != null) {
			if (known.kind() == KnownMetric.Kind.WHOLE_NUMBER) {
				run.error(index, "metrics." + name, Code.NOT_AN_INTEGER,
						"must be " + known.expectation() + ", got " + Texts.printable(parser.getString(), 40));
				return null;
			}
			if (!inRange(parser, known, value, name, index, run)) {
				return null;
			}
		}
		return value;
	}

	private boolean inRange(JsonParser parser, KnownMetric known, double value, String name, int index, Run run) {
		if (value < known.min()) {
			run.error(index, "metrics." + name, Code.OUT_OF_RANGE,
					Texts.printable(parser.getString(), 40) + " is below the minimum " + Texts.number(known.min()));
			return false;
		}
		if (value > known.max()) {
			run.error(index, "metrics." + name, Code.OUT_OF_RANGE,
					Texts.printable(parser.getString(), 40) + " is above the maximum " + Texts.number(known.max()));
			return false;
		}
		return true;
	}

	private Object wrongType(KnownMetric known, JsonToken token, String name, int index, Run run) {
		run.error(index, "metrics." + name, Code.WRONG_TYPE,
				"must be " + known.expectation() + ", got " + describe(token));
		return null;
	}

	private String readText(String text, String field, int index, Run run) {
		if (text.length() > this.limits.maxTextLength()) {
			int characters = text.codePointCount(0, text.length());
			if (characters > this.limits.maxTextLength()) {
				run.error(index, field, Code.TOO_LONG, "is " + characters + " characters long; at most "
						+ this.limits.maxTextLength() + " are allowed");
				return null;
			}
		}
		String problem = Texts.textProblem(text);
		if (problem != null) {
			run.error(index, field, Code.INVALID_TEXT, problem);
			return null;
		}
		return text;
	}

	private List<String> readTextList(JsonParser parser, KnownMetric known, String name, int index, Run run) {
		List<String> items = new ArrayList<>();
		boolean valid = true;
		int i = 0;
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (i >= this.limits.maxListItems()) {
				if (i == this.limits.maxListItems()) {
					run.error(index, "metrics." + name, Code.TOO_LONG,
							"has more than " + this.limits.maxListItems() + " items");
				}
				valid = false;
				parser.skipChildren();
				i++;
				continue;
			}
			String field = "metrics." + name + "[" + i + "]";
			if (token != JsonToken.VALUE_STRING) {
				run.error(index, field, Code.WRONG_TYPE, "must be text, got " + describe(token));
				valid = false;
				parser.skipChildren();
			}
			else {
				String item = readText(parser.getString(), field, index, run);
				if (item == null) {
					valid = false;
				}
				else if (known != null && !isObdCode(item)) {
					run.error(index, field, Code.INVALID_CODE, Texts.quoted(item, QUOTE_MAX)
							+ " is not an OBD-II code like \"P0301\" (P, C, B or U, a digit 0-3, three hex digits)");
					valid = false;
				}
				else {
					items.add(item);
				}
			}
			i++;
		}
		return valid ? List.copyOf(items) : null;
	}

	private static boolean isObdCode(String code) {
		if (code.length() != 5) {
			return false;
		}
		char system = code.charAt(0);
		if (system != 'P' && system != 'C' && system != 'B' && system != 'U') {
			return false;
		}
		char kind = code.charAt(1);
		if (kind < '0' || kind > '3') {
			return false;
		}
		for (int i = 2; i < 5; i++) {
			char c = code.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
				return false;
			}
		}
		return true;
	}

	private static String describe(JsonToken token) {
		return switch (token) {
			case START_OBJECT -> "an object";
			case START_ARRAY -> "an array";
			case VALUE_STRING -> "text";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> token.name();
		};
	}

	/**
	 * The parser's message without references to Jackson's configuration or source.
	 */
	private static String parserMessage(JacksonException ex) {
		String message = SOURCE_REFERENCE.matcher(Texts.printable(ex.getOriginalMessage(), 300)).replaceAll("");
		return (message.length() > 200) ? message.substring(0, 200) + "..." : message;
	}

	private static String location(JacksonException ex) {
		return location(ex.getLocation());
	}

	private static String location(TokenStreamLocation location) {
		if (location == null || location == TokenStreamLocation.NA) {
			return "";
		}
		if (location.getLineNr() > 0 && location.getColumnNr() > 0) {
			return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
		}
		return (location.getByteOffset() >= 0) ? " at byte " + location.getByteOffset() : "";
	}

	private ValidationResult rejectBody(Code code, String reason) {
		return new ValidationResult.Rejected(List.of(new ValidationError(ValidationError.BODY, "", code, reason)),
				false);
	}

	/** The state of one validation. */
	private static final class Run {

		private final String deviceId;

		private final Instant now;

		private final Instant latestTs;

		private final Instant earliestTs;

		private final int maxErrors;

		private final List<TelemetryPoint> points = new ArrayList<>();

		private List<ValidationError> errors;

		private int errorCount;

		private boolean truncated;

		Run(String deviceId, Instant now, TelemetryLimits limits) {
			this.deviceId = deviceId;
			this.now = now;
			this.latestTs = now.plus(limits.maxFutureSkew());
			this.earliestTs = now.minus(limits.maxAge());
			this.maxErrors = limits.maxErrors();
		}

		void error(int index, String field, Code code, String reason) {
			if (this.errors == null) {
				this.errors = new ArrayList<>();
				this.points.clear();
			}
			if (this.errorCount == this.maxErrors) {
				this.truncated = true;
				throw StopValidation.INSTANCE;
			}
			this.errors.add(new ValidationError(index, field, code, reason));
			this.errorCount++;
		}

		void bodyError(Code code, String reason) {
			if (this.errorCount == this.maxErrors && this.errors != null) {
				// Always report why the body as a whole failed, even past the limit.
				this.errors.set(this.errorCount - 1, new ValidationError(ValidationError.BODY, "", code, reason));
				this.truncated = true;
				return;
			}
			error(ValidationError.BODY, "", code, reason);
		}

		ValidationResult result() {
			if (this.errors != null) {
				return new ValidationResult.Rejected(this.errors, this.truncated);
			}
			return new ValidationResult.Accepted(this.points);
		}

	}

	/** Ends a validation once enough errors are collected. */
	private static final class StopValidation extends RuntimeException {

		@Serial
		private static final long serialVersionUID = 1L;

		private static final StopValidation INSTANCE = new StopValidation();

		private StopValidation() {
			super("maximum number of errors reached", null, false, false);
		}

	}

}
