package io.fleetgrid.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The infrastructure servers of the local stack, each started by
 * {@code io.fleetgrid.localstack.ServerMain} under its kind, and the Spring Boot
 * properties that point an application at it.
 */
public enum Server {

	/** Kafka broker (KRaft); ready property {@code bootstrapServers}. */
	KAFKA("kafka"),

	/**
	 * PostgreSQL; ready properties {@code jdbcUrlPrefix}, {@code username},
	 * {@code password}.
	 */
	POSTGRES("postgres"),

	/** MQTT broker; ready property {@code url}. */
	MQTT("mqtt"),

	/**
	 * SMTP mail sink; ready properties {@code host}, {@code smtpPort}, {@code apiUrl}.
	 */
	SMTP("smtp"),

	/** Search node (Elasticsearch API); ready property {@code httpUrl}. */
	SEARCH("search");

	private final String kind;

	Server(String kind) {
		this.kind = kind;
	}

	/**
	 * The server kind, as registered with the local stack.
	 * @return the kind
	 */
	public String kind() {
		return this.kind;
	}

	/**
	 * The Spring Boot properties for a running server.
	 * @param ready the properties the server announced when it was ready
	 * @param database for {@link #POSTGRES}: the database the application uses
	 * @return property names and values
	 * @throws IllegalStateException if the server did not announce a property needed
	 */
	public Map<String, String> springProperties(Map<String, String> ready, String database) {
		Map<String, String> properties = new LinkedHashMap<>();
		switch (this) {
			case KAFKA -> properties.put("spring.kafka.bootstrap-servers", required(ready, "bootstrapServers"));
			case POSTGRES -> {
				properties.put("spring.datasource.url", required(ready, "jdbcUrlPrefix") + database);
				properties.put("spring.datasource.username", required(ready, "username"));
				properties.put("spring.datasource.password", required(ready, "password"));
			}
			case MQTT -> properties.put("fleetgrid.mqtt.url", required(ready, "url"));
			case SMTP -> {
				properties.put("spring.mail.host", required(ready, "host"));
				properties.put("spring.mail.port", required(ready, "smtpPort"));
				properties.put("fleetgrid.mail.api-url", required(ready, "apiUrl"));
			}
			case SEARCH -> properties.put("fleetgrid.search.uris", required(ready, "httpUrl"));
			default -> throw new IllegalStateException("unknown server " + this);
		}
		return properties;
	}

	private String required(Map<String, String> ready, String name) {
		String value = ready.get(name);
		if (value == null) {
			throw new IllegalStateException(
					"the " + this.kind + " server did not announce '" + name + "' on its ready line: " + ready);
		}
		return value;
	}

}
