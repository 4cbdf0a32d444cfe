package io.fleetgrid.contracts.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.fleetgrid.contracts.telemetry.ValidationError.Code;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared set-up of the validator tests: a fixed server clock and helpers that assert the
 * shape of the result.
 */
abstract class ValidatorFixture {

	static final Instant NOW = Instant.parse("2026-11-23T10:16:00Z");

	static final String DEVICE = "veh-0001";

	static final String TS = "\"2026-11-23T10:15:30.123Z\"";

	final TelemetryValidator validator = new TelemetryValidator(Clock.fixed(NOW, ZoneOffset.UTC));

	ValidationResult validate(String body) {
		return this.validator.validate(body.getBytes(StandardCharsets.UTF_8), DEVICE);
	}

	List<TelemetryPoint> accepted(String body) {
		ValidationResult result = validate(body);
		assertThat(result).as("result of %s", body).isInstanceOf(ValidationResult.Accepted.class);
		return ((ValidationResult.Accepted) result).events();
	}

	TelemetryPoint acceptedOne(String body) {
		List<TelemetryPoint> events = accepted(body);
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	ValidationResult.Rejected rejected(byte[] body) {
		ValidationResult result = this.validator.validate(body, DEVICE);
		assertThat(result).isInstanceOf(ValidationResult.Rejected.class);
		ValidationResult.Rejected rejected = (ValidationResult.Rejected) result;
		assertThat(rejected.errors()).isNotEmpty();
		return rejected;
	}

	ValidationResult.Rejected rejected(String body) {
		return rejected(body.getBytes(StandardCharsets.UTF_8));
	}

	ValidationError onlyError(String body) {
		ValidationResult.Rejected rejected = rejected(body);
		assertThat(rejected.errors()).as("errors of %s", body).hasSize(1);
		return rejected.errors().get(0);
	}

	ValidationError onlyError(byte[] body) {
		ValidationResult.Rejected rejected = rejected(body);
		assertThat(rejected.errors()).hasSize(1);
		return rejected.errors().get(0);
	}

	static String event(String metrics) {
		return "{\"ts\":" + TS + ",\"metrics\":" + metrics + "}";
	}

	static String metric(String name, String jsonValue) {
		return event("{\"" + name + "\":" + jsonValue + "}");
	}

	static void assertError(ValidationError error, int index, String field, Code code, String reason) {
		assertThat(error.index()).as("index of %s", error).isEqualTo(index);
		assertThat(error.field()).as("field of %s", error).isEqualTo(field);
		assertThat(error.code()).as("code of %s", error).isEqualTo(code);
		assertThat(error.reason()).as("reason of %s", error).contains(reason);
	}

}
