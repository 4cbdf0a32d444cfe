package io.fleetgrid.observability;

import io.fleetgrid.observability.logging.LogFormat;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the shared observability library ({@code fleetgrid.observability.*}).
 *
 * @param instanceId id of this service instance, carried by every log line and used as
 * the Eureka instance id; computed as {@code host:application:pid} when not set
 * @param logging console log settings
 * @param correlation correlation-id header settings
 */
@ConfigurationProperties("fleetgrid.observability")
public record ObservabilityProperties(@Nullable String instanceId, @DefaultValue Logging logging,
		@DefaultValue Correlation correlation) {

	/** Prefix of every property of this library. */
	public static final String PREFIX = "fleetgrid.observability";

	/**
	 * Console log settings.
	 *
	 * @param format format of console log lines: {@code ecs} (default, Elastic Common
	 * Schema JSON), {@code logstash}, {@code gelf}, or {@code text} for Boot's
	 * human-readable pattern
	 */
	public record Logging(@DefaultValue("ecs") LogFormat format) {
	}

	/**
	 * Correlation-id settings for HTTP requests.
	 *
	 * @param enabled whether the correlation filter is registered
	 * @param header request and response header carrying the correlation id; an incoming
	 * value is echoed when it is well-formed, otherwise the trace id is used
	 * @param traceHeader response header carrying the trace id of the request
	 */
	public record Correlation(@DefaultValue("true") boolean enabled, @DefaultValue("X-Correlation-Id") String header,
			@DefaultValue("X-Trace-Id") String traceHeader) {
	}

}
