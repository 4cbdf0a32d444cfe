package io.fleetgrid.contracts.telemetry;

import java.util.List;

/**
 * The outcome of validating a telemetry body: either every event is accepted, or the
 * whole body is rejected with the reasons.
 */
public sealed interface ValidationResult permits ValidationResult.Accepted, ValidationResult.Rejected {

	/**
	 * Whether the body was accepted.
	 * @return true for {@link Accepted}
	 */
	default boolean accepted() {
		return this instanceof Accepted;
	}

	/**
	 * Every event of the body is valid.
	 *
	 * @param events the events, in body order (one for a single event object)
	 */
	record Accepted(List<TelemetryPoint> events) implements ValidationResult {

		public Accepted {
			events = List.copyOf(events);
		}

	}

	/**
	 * The body is rejected; no event of it may be accepted.
	 *
	 * @param errors the problems, in body order, at most
	 * {@link TelemetryLimits#maxErrors()}
	 * @param truncated whether there were more problems than listed
	 */
	record Rejected(List<ValidationError> errors, boolean truncated) implements ValidationResult {

		public Rejected {
			errors = List.copyOf(errors);
			if (errors.isEmpty()) {
				throw new IllegalArgumentException("a rejection needs at least one error");
			}
		}

	}

}
