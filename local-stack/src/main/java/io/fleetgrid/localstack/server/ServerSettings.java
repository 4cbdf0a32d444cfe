package io.fleetgrid.localstack.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings of one server process.
 *
 * @param port the main port (Kafka listener, PostgreSQL, MQTT, HTTP, SMTP)
 * @param dataDir directory for the server's data; it survives restarts of the server
 * @param options server-specific options ({@code key=value} arguments of the server
 * process)
 */
public record ServerSettings(int port, Path dataDir, Map<String, String> options) {

	public ServerSettings {
		options = Map.copyOf(options);
	}

	/**
	 * An option, or a default.
	 * @param key option name
	 * @param defaultValue value when the option is absent
	 * @return the value
	 */
	public String option(String key, String defaultValue) {
		return this.options.getOrDefault(key, defaultValue);
	}

}
