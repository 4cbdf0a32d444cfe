package io.fleetgrid.deployment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of {@code docker-compose.yml} against the parts of the Compose Specification it
 * uses and against the services' configuration. Each check returns its violations.
 */
final class ComposeChecks {

	private static final Set<String> TOP_LEVEL = Set.of("name", "services", "volumes", "networks", "secrets", "configs",
			"include");

	/** Service attributes of the Compose Specification that this project may use. */
	private static final Set<String> SERVICE_KEYS = Set.of("image", "build", "command", "entrypoint", "environment",
			"env_file", "ports", "expose", "volumes", "tmpfs", "depends_on", "healthcheck", "restart", "profiles",
			"read_only", "security_opt", "ulimits", "user", "working_dir", "networks", "labels", "deploy", "secrets",
			"configs", "container_name", "hostname", "stop_grace_period", "cap_drop", "cap_add", "mem_limit", "cpus",
			"logging", "init", "extra_hosts", "shm_size");

	private static final Set<String> HEALTHCHECK_KEYS = Set.of("test", "interval", "timeout", "retries", "start_period",
			"start_interval", "disable");

	private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy",
			"service_completed_successfully");

	private static final Set<String> RESTART = Set.of("no", "always", "on-failure", "unless-stopped");

	private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");

	private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|PEPPER|TOKEN|COOKIE).*");

	private ComposeChecks() {
	}

	static List<String> specViolations(Map<String, Object> compose) {
		List<String> violations = new ArrayList<>();
		for (String key : compose.keySet()) {
			if (!TOP_LEVEL.contains(key) && !key.startsWith("x-")) {
				violations.add("unknown top-level element " + key);
			}
		}
		Map<String, Object> services = Yamls.map(compose.get("services"));
		if (services.isEmpty()) {
			violations.add("no services");
		}
		Set<String> volumes = Yamls.map(compose.get("volumes")).keySet();
		for (Map.Entry<String, Object> entry : services.entrySet()) {
			String name = entry.getKey();
			Map<String, Object> service = Yamls.map(entry.getValue());
			for (String key : service.keySet()) {
				if (!SERVICE_KEYS.contains(key) && !key.startsWith("x-")) {
					violations.add(name + ": unknown service attribute " + key);
				}
			}
			if (!service.containsKey("image") && !service.containsKey("build")) {
				violations.add(name + ": needs image or build");
			}
			Object restart = service.get("restart");
			if (restart != null && !RESTART.contains(restart.toString())
					&& !restart.toString().startsWith("on-failure:")) {
				violations.add(name + ": invalid restart policy " + restart);
			}
			Map<String, Object> healthcheck = Yamls.map(service.get("healthcheck"));
			for (String key : healthcheck.keySet()) {
				if (!HEALTHCHECK_KEYS.contains(key)) {
					violations.add(name + ": unknown healthcheck attribute " + key);
				}
			}
			boolean oneShot = "no".equals(Objects.toString(restart, null));
			if (!oneShot && (healthcheck.isEmpty()
					|| Yamls.list(healthcheck.get("test")).isEmpty() && !(healthcheck.get("test") instanceof String))) {
				violations.add(name + ": a long-running service needs a healthcheck");
			}
			Object dependsOn = service.get("depends_on");
			if (dependsOn instanceof List<?>) {
				violations.add(name + ": depends_on must name a condition for each dependency (long syntax)");
			}
			for (Map.Entry<String, Object> dependency : Yamls.map(dependsOn).entrySet()) {
				String target = dependency.getKey();
				String condition = Yamls.string(Yamls.map(dependency.getValue()).get("condition"));
				if (!services.containsKey(target)) {
					violations.add(name + ": depends on unknown service " + target);
					continue;
				}
				if (!CONDITIONS.contains(condition)) {
					violations.add(name + ": invalid depends_on condition " + condition + " for " + target);
				}
				Map<String, Object> targetService = Yamls.map(services.get(target));
				if ("service_healthy".equals(condition) && Yamls.map(targetService.get("healthcheck")).isEmpty()) {
					violations.add(name + ": waits for " + target + " to be healthy but it has no healthcheck");
				}
				if ("service_completed_successfully".equals(condition)
						&& !"no".equals(Objects.toString(targetService.get("restart"), null))) {
					violations.add(name + ": waits for " + target + " to complete but it restarts");
				}
				if (!Yamls.list(targetService.get("profiles")).isEmpty()
						&& Yamls.list(service.get("profiles")).isEmpty()) {
					violations.add(name + ": depends on " + target + " which runs only in a profile");
				}
			}
			for (Object mount : Yamls.list(service.get("volumes"))) {
				String source = mount.toString().split(":")[0];
				if (!source.startsWith(".") && !source.startsWith("/") && !volumes.contains(source)) {
					violations.add(name + ": named volume " + source + " is not declared");
				}
			}
			if (service.get("environment") instanceof List<?>) {
				violations.add(name + ": environment must be a map (checked by name)");
			}
		}
		return violations;
	}

	/**
	 * FleetGrid services: built from deploy/Dockerfile with their own name and port,
	 * published ports on the service port, the environment their configuration needs, and
	 * no secret value written into the file.
	 */
	static List<String> serviceViolations(Map<String, Object> compose, Map<String, Integer> ports,
			Map<String, Set<String>> requiredEnvironment) {
		List<String> violations = new ArrayList<>();
		Map<String, Object> services = Yamls.map(compose.get("services"));
		for (Map.Entry<String, Integer> entry : ports.entrySet()) {
			String name = entry.getKey();
			int port = entry.getValue();
			Map<String, Object> service = Yamls.map(services.get(name));
			if (service.isEmpty()) {
				violations.add(name + ": missing from docker-compose.yml");
				continue;
			}
			Map<String, Object> build = Yamls.map(service.get("build"));
			if (!"deploy/Dockerfile".equals(build.get("dockerfile"))) {
				violations.add(name + ": must be built from deploy/Dockerfile");
			}
			Map<String, Object> args = Yamls.map(build.get("args"));
			if (!name.equals(Yamls.string(args.get("SERVICE")))) {
				violations.add(name + ": build arg SERVICE must be " + name);
			}
			if (!Integer.toString(port).equals(Yamls.string(args.get("PORT")))) {
				violations.add(name + ": build arg PORT " + args.get("PORT") + " but the service listens on " + port);
			}
			for (Object published : Yamls.list(service.get("ports"))) {
				String[] parts = published.toString().split(":");
				if (!parts[parts.length - 1].equals(Integer.toString(port))) {
					violations.add(name + ": publishes container port " + parts[parts.length - 1]
							+ " but the service listens on " + port);
				}
			}
			Map<String, Object> environment = Yamls.map(service.get("environment"));
			if (environment.containsKey("SERVER_PORT")) {
				violations.add(name + ": SERVER_PORT must not move the service off its API.md port");
			}
			Set<String> missing = new LinkedHashSet<>(requiredEnvironment.getOrDefault(name, Set.of()));
			missing.removeAll(environment.keySet());
			if (!missing.isEmpty()) {
				violations.add(name + ": environment lacks " + missing);
			}
			if (Yamls.map(service.get("healthcheck")).isEmpty()) {
				violations.add(name + ": no healthcheck");
			}
		}
		for (Map.Entry<String, Object> entry : services.entrySet()) {
			Map<String, Object> environment = Yamls.map(Yamls.map(entry.getValue()).get("environment"));
			for (Map.Entry<String, Object> variable : environment.entrySet()) {
				String value = Objects.toString(variable.getValue(), "");
				if (SECRET_NAME.matcher(variable.getKey()).matches() && !value.isEmpty()
						&& !INTERPOLATION.matcher(value).find()) {
					violations
						.add(entry.getKey() + ": " + variable.getKey() + " has a literal value; take it from .env");
				}
			}
		}
		return violations;
	}

	/**
	 * Interpolation: every variable without a default is required ({@code ${VAR:?msg}}),
	 * never silently empty ({@code ${VAR}}), and {@code .env.example} lists every
	 * variable.
	 */
	static List<String> interpolationViolations(String composeText, String envExample) {
		List<String> violations = new ArrayList<>();
		Set<String> documented = new LinkedHashSet<>();
		for (String line : envExample.split("\n")) {
			String trimmed = line.trim();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
				documented.add(trimmed.substring(0, trimmed.indexOf('=')).trim());
			}
		}
		StringBuilder withoutComments = new StringBuilder();
		for (String line : composeText.split("\n")) {
			if (!line.strip().startsWith("#")) {
				withoutComments.append(line).append('\n');
			}
		}
		Matcher matcher = INTERPOLATION.matcher(withoutComments);
		Set<String> seen = new LinkedHashSet<>();
		while (matcher.find()) {
			String name = matcher.group(1);
			String modifier = matcher.group(2);
			if (!(modifier.startsWith(":-") || modifier.startsWith(":?"))) {
				violations.add("${" + name + modifier + "}: use ${" + name + ":?message} (required) or ${" + name
						+ ":-default}, never a silently empty value");
			}
			if (seen.add(name) && !documented.contains(name)) {
				violations.add(name + " is used by docker-compose.yml but not listed in .env.example");
			}
		}
		return violations;
	}

}
