package io.fleetgrid.localstack.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The local bootstrap identities of API.md ("Bootstrap"): the demo tenant's admin API
 * client, the operator API client and the demo users' password. Each value comes from its
 * environment variable when set; otherwise a random value is generated once and kept in
 * the data directory, so restarts keep working logins (a reset forgets them).
 */
final class BootstrapSecrets {

	static final String ADMIN_CLIENT_ID = "FLEETGRID_BOOTSTRAP_CLIENT_ID";

	static final String ADMIN_CLIENT_SECRET = "FLEETGRID_BOOTSTRAP_CLIENT_SECRET";

	static final String OPERATOR_CLIENT_ID = "FLEETGRID_OPERATOR_CLIENT_ID";

	static final String OPERATOR_CLIENT_SECRET = "FLEETGRID_OPERATOR_CLIENT_SECRET";

	static final String DEMO_PASSWORD = "FLEETGRID_DEMO_PASSWORD";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, String> values;

	private BootstrapSecrets(Map<String, String> values) {
		this.values = Map.copyOf(values);
	}

	/**
	 * Resolves every bootstrap value: environment first, then the stored value, then a
	 * new random one.
	 * @param file where generated values are kept (owner-readable only)
	 * @param env the environment
	 * @return the values
	 * @throws IOException if the file cannot be read or written
	 */
	static BootstrapSecrets resolve(Path file, Map<String, String> env) throws IOException {
		Properties stored = new Properties();
		if (Files.exists(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				stored.load(reader);
			}
		}
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put(ADMIN_CLIENT_ID, "fleetgrid-admin");
		defaults.put(ADMIN_CLIENT_SECRET, null);
		defaults.put(OPERATOR_CLIENT_ID, "fleetgrid-operator");
		defaults.put(OPERATOR_CLIENT_SECRET, null);
		defaults.put(DEMO_PASSWORD, null);
		Map<String, String> values = new LinkedHashMap<>();
		boolean changed = false;
		for (Map.Entry<String, String> entry : defaults.entrySet()) {
			String key = entry.getKey();
			String value = env.get(key);
			if (value == null || value.isBlank()) {
				value = stored.getProperty(key);
			}
			if (value == null || value.isBlank()) {
				value = (entry.getValue() != null) ? entry.getValue() : randomSecret();
				stored.setProperty(key, value);
				changed = true;
			}
			values.put(key, value);
		}
		if (changed) {
			store(file, stored);
		}
		return new BootstrapSecrets(values);
	}

	private static void store(Path file, Properties stored) throws IOException {
		Files.createDirectories(file.getParent());
		if (!Files.exists(file)) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		try (Writer writer = Files.newBufferedWriter(file)) {
			stored.store(writer,
					"FleetGrid local bootstrap identities (generated; ./fleetgrid start --reset forgets them)");
		}
	}

	private static String randomSecret() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The environment variables to pass to auth-service.
	 * @return variable name to value
	 */
	Map<String, String> asEnvironment() {
		return this.values;
	}

	String get(String key) {
		return this.values.get(key);
	}

}
