package io.fleetgrid.observability.logging;

import org.jspecify.annotations.Nullable;

/**
 * Console log format of a FleetGrid service.
 */
public enum LogFormat {

	/** Elastic Common Schema JSON, one object per line (the default). */
	ECS("ecs"),

	/** Logstash JSON, one object per line. */
	LOGSTASH("logstash"),

	/** Graylog Extended Log Format JSON, one object per line. */
	GELF("gelf"),

	/** Spring Boot's human-readable pattern. */
	TEXT(null);

	private final @Nullable String structuredFormatId;

	LogFormat(@Nullable String structuredFormatId) {
		this.structuredFormatId = structuredFormatId;
	}

	/**
	 * The id Spring Boot's {@code logging.structured.format.console} takes for this
	 * format.
	 * @return the id, or {@code null} for {@link #TEXT}
	 */
	public @Nullable String structuredFormatId() {
		return this.structuredFormatId;
	}

}
