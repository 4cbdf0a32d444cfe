package io.fleetgrid.contracts.telemetry;

import java.util.Objects;

/**
 * One problem with a telemetry body, as reported to the device.
 *
 * @param index index of the event in the batch (0 for a single event object), or
 * {@link #BODY} if the problem concerns the body as a whole
 * @param field path of the offending field within the event, for example {@code ts},
 * {@code metrics.speedKph} or {@code metrics.dtcCodes[2]}; empty for the whole event or
 * body
 * @param code machine-readable kind of problem
 * @param reason what is wrong, for a device developer, for example {@code 512.0 is above
 * the maximum 400}
 */
public record ValidationError(int index, String field, Code code, String reason) {

	/** The {@link #index()} of errors that concern the whole body. */
	public static final int BODY = -1;

	public ValidationError {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(reason, "reason");
		if (index < BODY) {
			throw new IllegalArgumentException("index must be >= -1: " + index);
		}
	}

	/**
	 * The field and reason in one line.
	 * @return for example {@code metrics.speedKph: 512.0 is above the maximum 400}
	 */
	public String message() {
		return this.field.isEmpty() ? this.reason : this.field + ": " + this.reason;
	}

	@Override
	public String toString() {
		return ((this.index == BODY) ? "body" : "events[" + this.index + "]") + " " + message() + " (" + this.code
				+ ")";
	}

	/** Kinds of problems. */
	public enum Code {

		/** The body is larger than allowed (HTTP 413). */
		BODY_TOO_LARGE,
		/** The body is empty or only whitespace. */
		EMPTY_BODY,
		/** The body is not well-formed JSON (or not UTF-8). */
		MALFORMED_JSON,
		/** The JSON exceeds a structural limit (nesting depth, length of a token). */
		JSON_LIMIT_EXCEEDED,
		/**
		 * The body is neither an object nor an array, or a batch item is not an object.
		 */
		NOT_AN_OBJECT,
		/** The batch has more events than allowed. */
		TOO_MANY_EVENTS,
		/** The batch is an empty array. */
		EMPTY_BATCH,
		/** An event has a top-level field the contract does not define. */
		UNKNOWN_FIELD,
		/** A field or metric appears twice in one object. */
		DUPLICATE_FIELD,
		/** A required field is missing. */
		MISSING_FIELD,
		/** A value has the wrong JSON type. */
		WRONG_TYPE,
		/** {@code ts} is neither ISO-8601 text nor whole epoch milliseconds. */
		INVALID_TIMESTAMP,
		/** {@code ts} lies too far in the future. */
		TIMESTAMP_IN_FUTURE,
		/** {@code ts} lies too far in the past (or is negative). */
		TIMESTAMP_TOO_OLD,
		/** {@code deviceId} differs from the authenticated device. */
		DEVICE_MISMATCH,
		/** An event has more metrics than allowed. */
		TOO_MANY_METRICS,
		/** A metric name is empty, too long or uses characters outside the safe set. */
		INVALID_METRIC_NAME,
		/**
		 * A number is NaN or infinite, or too large for a 64-bit floating-point number.
		 */
		NOT_FINITE,
		/** A number is outside its allowed range or does not fit in 64 bits. */
		OUT_OF_RANGE,
		/** A whole number was expected. */
		NOT_AN_INTEGER,
		/** A text value or array is longer than allowed. */
		TOO_LONG,
		/**
		 * A text value contains control characters, unpaired surrogates or
		 * non-characters.
		 */
		INVALID_TEXT,
		/** A diagnostic trouble code is not a valid OBD-II code. */
		INVALID_CODE

	}

}
