package io.fleetgrid.observability.logging;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts a real (non-web) Spring application with the library and reads what it writes to
 * the console.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTests {

	private static final Logger LOGGER = LoggerFactory.getLogger(StructuredLoggingTests.class);

	private ConfigurableApplicationContext context;

	@AfterEach
	void close() {
		MDC.clear();
		if (this.context != null) {
			this.context.close();
		}
		// Boot publishes the chosen format as a system property; a later application in
		// this JVM must not inherit it.
		System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
	}

	@Test
	void logLineIsEcsJsonWithServiceInstanceTraceTenantAndDevice(CapturedOutput output) {
		Tracer tracer = run("fleetgrid.observability.instance-id=host-1:probe:1").getBean(Tracer.class);
		Span span = tracer.nextSpan().name("work").start();
		Tracer.SpanInScope scope = tracer.withSpan(span);
		MDC.put(LogFields.TENANT_ID, "tenant-7");
		MDC.put(LogFields.DEVICE_ID, "dev-42");
		try {
			LOGGER.info("probe-line-1");
		}
		finally {
			MDC.clear();
			scope.close();
			span.end();
		}

		Map<String, Object> line = jsonLine(output, "probe-line-1");
		assertThat(JsonPath.<String>read(line, "$.service.name")).isEqualTo("probe");
		assertThat(JsonPath.<String>read(line, "$.service.node.name")).isEqualTo("host-1:probe:1");
		assertThat(line).containsEntry(LogFields.TRACE_ID, span.context().traceId())
			.containsEntry(LogFields.SPAN_ID, span.context().spanId())
			.containsEntry(LogFields.TENANT_ID, "tenant-7")
			.containsEntry(LogFields.DEVICE_ID, "dev-42");
	}

	@Test
	void logLineHasNoTenantOnceItIsRemovedFromTheMdc(CapturedOutput output) {
		run();
		MDC.put(LogFields.TENANT_ID, "tenant-7");
		LOGGER.info("probe-line-2");
		MDC.remove(LogFields.TENANT_ID);
		LOGGER.info("probe-line-3");

		assertThat(jsonLine(output, "probe-line-2")).containsEntry(LogFields.TENANT_ID, "tenant-7");
		assertThat(jsonLine(output, "probe-line-3")).doesNotContainKey(LogFields.TENANT_ID);
	}

	@Test
	void logLineIsPlainTextWhenTextFormatIsChosen(CapturedOutput output) {
		run("fleetgrid.observability.logging.format=text");
		LOGGER.info("probe-line-4");

		assertThat(line(output, "probe-line-4")).doesNotStartWith("{")
			.contains("INFO")
			.contains(StructuredLoggingTests.class.getSimpleName());
	}

	private ConfigurableApplicationContext run(String... properties) {
		this.context = new SpringApplicationBuilder(Probe.class).web(WebApplicationType.NONE)
			.properties("spring.application.name=probe", "spring.main.banner-mode=off")
			.properties(properties)
			.run();
		return this.context;
	}

	private static String line(CapturedOutput output, String message) {
		List<String> lines = output.getOut().lines().filter((candidate) -> candidate.contains(message)).toList();
		assertThat(lines).as("lines logging %s", message).hasSize(1);
		return lines.get(0);
	}

	private static Map<String, Object> jsonLine(CapturedOutput output, String message) {
		return JsonPath.parse(line(output, message)).json();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Probe {

	}

}
