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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * The local bootstrap identities of API.md ("Bootstrap"): the demo tenant's admin API
 * client, the operator API client and the demo users' password; plus the local secrets
 * the services share: the portal client's secret, a client secret per service for
 * service-to-service calls, and device-service's token pepper. Each value comes from its
 * environment variable when set; otherwise a random value is generated once and kept in
 * the data directory, so restarts keep working logins (a reset forgets them).
 */
final class BootstrapSecrets {

	static final String ADMIN_CLIENT_ID = "FLEETGRID_BOOTSTRAP_CLIENT_ID";

	static final String ADMIN_CLIENT_SECRET = "FLEETGRID_BOOTSTRAP_CLIENT_SECRET";

	static final String OPERATOR_CLIENT_ID = "FLEETGRID_OPERATOR_CLIENT_ID";

	static final String OPERATOR_CLIENT_SECRET = "FLEETGRID_OPERATOR_CLIENT_SECRET";

	static final String DEMO_PASSWORD = "FLEETGRID_DEMO_PASSWORD";

	/**
	 * Secret of the portal's OAuth2 client (auth-service registers it, the gateway uses
	 * it).
	 */
	static final String PORTAL_CLIENT_SECRET = "FLEETGRID_PORTAL_CLIENT_SECRET";

	/** Server-side key of device-service's keyed hash of device tokens. */
	static final String DEVICE_TOKEN_PEPPER = "FLEETGRID_DEVICE_TOKEN_PEPPER";

	/** Every service client as {@code id:secret,…}, for auth-service. */
	static final String SERVICE_CLIENTS = "FLEETGRID_SERVICE_CLIENTS";

	/** A service's own client secret, for its calls to other services. */
	static final String SERVICE_CLIENT_SECRET = "FLEETGRID_SERVICE_CLIENT_SECRET";

	/**
	 * Prefix of the stored per-service client secrets
	 * ({@code FLEETGRID_SERVICE_SECRET_INGEST_SERVICE}).
	 */
	static final String SERVICE_SECRET_PREFIX = "FLEETGRID_SERVICE_SECRET_";

	/** The bootstrap identities of API.md, passed to auth-service as they are. */
	private static final List<String> AUTH_BOOTSTRAP = List.of(ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, OPERATOR_CLIENT_ID,
			OPERATOR_CLIENT_SECRET, DEMO_PASSWORD);

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
		return resolve(file, env, List.of());
	}

	/**
	 * Resolves every bootstrap value and a client secret for each named service.
	 * @param file where generated values are kept (owner-readable only)
	 * @param env the environment
	 * @param services names of the services that call other services
	 * @return the values
	 * @throws IOException if the file cannot be read or written
	 */
	static BootstrapSecrets resolve(Path file, Map<String, String> env, List<String> services) throws IOException {
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
		defaults.put(PORTAL_CLIENT_SECRET, null);
		defaults.put(DEVICE_TOKEN_PEPPER, null);
		for (String service : services) {
			defaults.put(serviceSecretKey(service), null);
		}
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

	private static String serviceSecretKey(String service) {
		return SERVICE_SECRET_PREFIX + service.toUpperCase(Locale.ROOT).replace('-', '_');
	}

	/**
	 * The environment variables to pass to auth-service: the bootstrap identities, the
	 * portal client secret and every service client.
	 * @return variable name to value
	 */
	Map<String, String> asEnvironment() {
		Map<String, String> env = new LinkedHashMap<>();
		AUTH_BOOTSTRAP.forEach((key) -> env.put(key, this.values.get(key)));
		env.put(PORTAL_CLIENT_SECRET, this.values.get(PORTAL_CLIENT_SECRET));
		StringJoiner clients = new StringJoiner(",");
		this.values.forEach((key, value) -> {
			if (key.startsWith(SERVICE_SECRET_PREFIX)) {
				String service = key.substring(SERVICE_SECRET_PREFIX.length())
					.toLowerCase(Locale.ROOT)
					.replace('_', '-');
				clients.add("svc-" + service + ":" + value);
			}
		});
		env.put(SERVICE_CLIENTS, clients.toString());
		return env;
	}

	/**
	 * The environment variables of one service: auth-service gets
	 * {@link #asEnvironment()}, every other service its own client secret, the gateway
	 * the portal client secret and device-service its token pepper.
	 * @param service the service name
	 * @return variable name to value
	 */
	Map<String, String> environmentFor(String service) {
		if (service.equals("auth-service")) {
			return asEnvironment();
		}
		Map<String, String> env = new LinkedHashMap<>();
		String own = this.values.get(serviceSecretKey(service));
		if (own != null) {
			env.put(SERVICE_CLIENT_SECRET, own);
		}
		if (service.equals("api-gateway")) {
			env.put(PORTAL_CLIENT_SECRET, this.values.get(PORTAL_CLIENT_SECRET));
		}
		if (service.equals("device-service")) {
			env.put(DEVICE_TOKEN_PEPPER, this.values.get(DEVICE_TOKEN_PEPPER));
		}
		return env;
	}

	String get(String key) {
		return this.values.get(key);
	}

}
