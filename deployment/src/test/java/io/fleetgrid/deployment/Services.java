package io.fleetgrid.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the deployment must know about each service: its port (its
 * {@code application.yml}, cross-checked with {@code shared/API.md} when that file is
 * beside the repository) and the environment variables it needs (every {@code ${VAR}}
 * without a default in any profile document of its {@code application.yml}, plus the
 * cross-service conventions every deployment provides).
 */
final class Services {

	/** Every deployable service, in start order. */
	static final List<String> ALL = List.of("discovery-server", "api-gateway", "auth-service", "device-service",
			"ingest-service", "stream-processor", "notification-service", "log-service");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

	private static final Pattern API_PORT_ROW = Pattern
		.compile("^\\|\\s*([a-z-]+)(?: \\([^)]*\\))?\\s*\\|\\s*(\\d+)\\s*\\|", Pattern.MULTILINE);

	private Services() {
	}

	static Map<String, Integer> ports() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (String service : ALL) {
			ports.put(service, port(applicationYaml(service)));
		}
		return ports;
	}

	static int port(String applicationYaml) {
		for (Map<String, Object> document : Yamls.documents(applicationYaml)) {
			Object port = Yamls.at(document, "server.port");
			if (port != null) {
				return Integer.parseInt(port.toString());
			}
		}
		throw new IllegalArgumentException("application.yml declares no server.port");
	}

	/**
	 * Ports from API.md's "Local ports" table, when {@code shared/API.md} is beside the
	 * repository (the steering checkout); empty otherwise.
	 * @return component name to port
	 */
	static Map<String, Integer> apiMdPorts() {
		Path apiMd = Repository.root().resolveSibling("shared").resolve("API.md");
		Map<String, Integer> ports = new LinkedHashMap<>();
		if (!Files.isRegularFile(apiMd)) {
			return ports;
		}
		String text = Repository.read(apiMd);
		Matcher matcher = API_PORT_ROW.matcher(text);
		while (matcher.find()) {
			ports.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
		}
		return ports;
	}

	static String applicationYaml(String service) {
		return Repository.read(service + "/src/main/resources/application.yml");
	}

	/**
	 * Environment variables referenced without a default by a service's configuration.
	 * @param applicationYaml the text of the service's {@code application.yml}
	 * @return the variable names
	 */
	static Set<String> placeholdersWithoutDefault(String applicationYaml) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(applicationYaml);
		while (matcher.find()) {
			if (matcher.group(2) == null) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	/**
	 * Every variable a deployment must give a service: its configuration's placeholders
	 * without default plus the FleetGrid conventions (prod profile, Kafka, Eureka,
	 * issuer, service client, databases, mail, search, MQTT).
	 * @param service the service
	 * @return the variable names
	 */
	static Set<String> requiredEnvironment(String service) {
		Set<String> required = new TreeSet<>(placeholdersWithoutDefault(applicationYaml(service)));
		required.addAll(conventions(service));
		return required;
	}

	static Set<String> conventions(String service) {
		Set<String> env = new LinkedHashSet<>();
		env.add("SPRING_PROFILES_ACTIVE");
		if (service.equals("discovery-server")) {
			return env;
		}
		env.addAll(List.of("KAFKA_BOOTSTRAP_SERVERS", "EUREKA_URL", "FLEETGRID_ISSUER_URI",
				"FLEETGRID_SERVICE_CLIENT_SECRET"));
		switch (service) {
			case "auth-service" -> {
				env.addAll(database());
				env.addAll(List.of("FLEETGRID_SERVICE_CLIENTS", "FLEETGRID_PORTAL_CLIENT_SECRET",
						"FLEETGRID_AUTH_SECRET", "FLEETGRID_BOOTSTRAP_CLIENT_ID", "FLEETGRID_BOOTSTRAP_CLIENT_SECRET",
						"FLEETGRID_OPERATOR_CLIENT_ID", "FLEETGRID_OPERATOR_CLIENT_SECRET", "SPRING_MAIL_HOST",
						"SPRING_MAIL_PORT"));
			}
			case "api-gateway" -> env.add("FLEETGRID_PORTAL_CLIENT_SECRET");
			case "device-service" -> {
				env.addAll(database());
				env.add("FLEETGRID_DEVICE_TOKEN_PEPPER");
			}
			case "notification-service" -> {
				env.addAll(database());
				env.addAll(List.of("SPRING_MAIL_HOST", "SPRING_MAIL_PORT"));
			}
			case "log-service" -> env.addAll(List.of("FLEETGRID_SEARCH_URIS", "FLEETGRID_SEARCH_USERNAME",
					"FLEETGRID_SEARCH_PASSWORD", "FLEETGRID_SEARCH_OPENSEARCH_COMPATIBILITY"));
			case "ingest-service" -> env.addAll(List.of("FLEETGRID_MQTT_URL", "FLEETGRID_MQTT_USERNAME",
					"FLEETGRID_MQTT_PASSWORD", "FLEETGRID_MQTT_BROKER_SECRET"));
			default -> {
				// stream-processor: the common variables only
			}
		}
		return env;
	}

	private static List<String> database() {
		return List.of("POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_USER", "POSTGRES_PASSWORD");
	}

}
