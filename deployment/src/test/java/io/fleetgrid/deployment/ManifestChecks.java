package io.fleetgrid.deployment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks of rendered Kubernetes objects. Each check returns its violations (empty =
 * valid) so that tests can prove a broken manifest is caught.
 * <ul>
 * <li>{@link #schemaViolations}: core kinds and Strimzi kinds are deserialised into their
 * Java models (fabric8 Kubernetes model, Strimzi api); a property the model does not know
 * is a violation (the models keep unknown properties aside, the check walks the object
 * graph for them). CloudNativePG, Barman Cloud, ECK and KEDA kinds get structural checks.
 * Any other kind is a violation.</li>
 * <li>{@link #policyViolations}: FleetGrid's rules for workloads (probes on actuator
 * paths, requests and limits, non-root, ports, selectors of Services and PDBs, no secret
 * values).</li>
 * <li>{@link #environmentViolations}: every service gets the variables it needs.</li>
 * </ul>
 */
final class ManifestChecks {

	private static final ObjectMapper MAPPER = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

	private static final Map<String, String> MODELS = Map.ofEntries(
			Map.entry("v1/Namespace", "io.fabric8.kubernetes.api.model.Namespace"),
			Map.entry("v1/ConfigMap", "io.fabric8.kubernetes.api.model.ConfigMap"),
			Map.entry("v1/Service", "io.fabric8.kubernetes.api.model.Service"),
			Map.entry("v1/ServiceAccount", "io.fabric8.kubernetes.api.model.ServiceAccount"),
			Map.entry("apps/v1/Deployment", "io.fabric8.kubernetes.api.model.apps.Deployment"),
			Map.entry("apps/v1/StatefulSet", "io.fabric8.kubernetes.api.model.apps.StatefulSet"),
			Map.entry("policy/v1/PodDisruptionBudget", "io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget"),
			Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
					"io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler"),
			Map.entry("networking.k8s.io/v1/NetworkPolicy",
					"io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy"),
			Map.entry("networking.k8s.io/v1/Ingress", "io.fabric8.kubernetes.api.model.networking.v1.Ingress"),
			Map.entry("kafka.strimzi.io/v1beta2/Kafka", "io.strimzi.api.kafka.model.kafka.Kafka"),
			Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool"),
			Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic"),
			Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", "io.strimzi.api.kafka.model.user.KafkaUser"));

	private static final Set<String> STRUCTURAL = Set.of("postgresql.cnpg.io/v1/Cluster",
			"postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io/v1/ScheduledBackup",
			"barmancloud.cnpg.io/v1/ObjectStore", "elasticsearch.k8s.elastic.co/v1/Elasticsearch",
			"keda.sh/v1alpha1/ScaledObject", "keda.sh/v1alpha1/TriggerAuthentication");

	private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|PEPPER|TOKEN|JAAS|COOKIE).*");

	private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

	private ManifestChecks() {
	}

	static String id(Map<String, Object> object) {
		return Yamls.string(object.get("kind")) + "/" + Yamls.string(Yamls.at(object, "metadata.name"));
	}

	static String type(Map<String, Object> object) {
		return Yamls.string(object.get("apiVersion")) + "/" + Yamls.string(object.get("kind"));
	}

	// ---------------------------------------------------------------- schema

	static List<String> schemaViolations(Map<String, Object> object) {
		List<String> violations = new ArrayList<>();
		String type = type(object);
		String id = id(object);
		Object name = Yamls.at(object, "metadata.name");
		if (name == null || !NAME.matcher(name.toString()).matches() || name.toString().length() > 253) {
			violations.add(id + ": metadata.name missing or not a DNS subdomain");
		}
		String model = MODELS.get(type);
		if (model != null) {
			violations.addAll(modelViolations(id, object, model));
		}
		else if (STRUCTURAL.contains(type)) {
			violations.addAll(structuralViolations(id, type, object));
		}
		else {
			violations.add(id + ": no schema known for " + type + " (add a model or a structural check)");
		}
		return violations;
	}

	private static List<String> modelViolations(String id, Map<String, Object> object, String model) {
		List<String> violations = new ArrayList<>();
		try {
			Object parsed = MAPPER.convertValue(object, Class.forName(model));
			collectUnknownProperties(parsed, id, violations, new HashSet<>(), 0);
		}
		catch (IllegalArgumentException ex) {
			Throwable cause = (ex.getCause() instanceof JsonMappingException mapping) ? mapping : ex;
			violations.add(id + ": does not match " + model + ": " + cause.getMessage());
		}
		catch (ClassNotFoundException ex) {
			violations.add(id + ": model class missing: " + model);
		}
		return violations;
	}

	/**
	 * Walks a model object graph and reports every property the models kept aside as
	 * unknown ({@code additionalProperties}).
	 */
	private static void collectUnknownProperties(Object value, String path, List<String> violations, Set<Object> seen,
			int depth) {
		if (value == null || depth > 40) {
			return;
		}
		if (value instanceof Collection<?> collection) {
			int i = 0;
			for (Object element : collection) {
				collectUnknownProperties(element, path + "[" + i++ + "]", violations, seen, depth + 1);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				collectUnknownProperties(entry.getValue(), path + "." + entry.getKey(), violations, seen, depth + 1);
			}
			return;
		}
		String pkg = value.getClass().getPackageName();
		if (!(pkg.startsWith("io.fabric8") || pkg.startsWith("io.strimzi")) || value.getClass().isEnum()
				|| !seen.add(new Identity(value))) {
			return;
		}
		for (Method method : value.getClass().getMethods()) {
			if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
					|| method.getDeclaringClass() == Object.class
					|| !(method.getName().startsWith("get") || method.getName().startsWith("is"))) {
				continue;
			}
			Object property;
			try {
				property = method.invoke(value);
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				continue;
			}
			if (method.getName().equals("getAdditionalProperties")) {
				if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
					violations.add(path + ": unknown properties " + extra.keySet() + " (in "
							+ value.getClass().getSimpleName() + ")");
				}
				continue;
			}
			collectUnknownProperties(property, path + "." + propertyName(method.getName()), violations, seen,
					depth + 1);
		}
	}

	private static String propertyName(String getter) {
		String name = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
		return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	private static List<String> structuralViolations(String id, String type, Map<String, Object> object) {
		List<String> violations = new ArrayList<>();
		Set<String> topLevel = Set.of("apiVersion", "kind", "metadata", "spec");
		for (String key : object.keySet()) {
			if (!topLevel.contains(key)) {
				violations.add(id + ": unknown top-level field " + key);
			}
		}
		Map<String, Object> spec = Yamls.mapAt(object, "spec");
		switch (type) {
			case "postgresql.cnpg.io/v1/Cluster" -> {
				allowedKeys(id, spec, violations, "instances", "imageName", "primaryUpdateStrategy", "storage",
						"walStorage", "postgresql", "bootstrap", "managed", "plugins", "resources", "affinity",
						"monitoring", "backup", "superuserSecret", "enableSuperuserAccess", "description");
				positiveInt(id, spec.get("instances"), "spec.instances", violations);
				required(id, Yamls.at(spec, "storage.size"), "spec.storage.size", violations);
				for (Object role : Yamls.listAt(spec, "managed.roles")) {
					required(id, Yamls.at(Yamls.map(role), "name"), "spec.managed.roles[].name", violations);
					required(id, Yamls.at(Yamls.map(role), "passwordSecret.name"),
							"spec.managed.roles[].passwordSecret.name", violations);
				}
				for (Object plugin : Yamls.listAt(spec, "plugins")) {
					required(id, Yamls.at(Yamls.map(plugin), "name"), "spec.plugins[].name", violations);
				}
			}
			case "postgresql.cnpg.io/v1/Database" -> {
				allowedKeys(id, spec, violations, "cluster", "name", "owner", "ensure", "databaseReclaimPolicy");
				required(id, Yamls.at(spec, "cluster.name"), "spec.cluster.name", violations);
				required(id, spec.get("name"), "spec.name", violations);
				required(id, spec.get("owner"), "spec.owner", violations);
			}
			case "postgresql.cnpg.io/v1/ScheduledBackup" -> {
				allowedKeys(id, spec, violations, "schedule", "cluster", "backupOwnerReference", "method",
						"pluginConfiguration", "immediate", "suspend", "target");
				required(id, Yamls.at(spec, "cluster.name"), "spec.cluster.name", violations);
				Object schedule = spec.get("schedule");
				if (schedule == null || schedule.toString().trim().split("\\s+").length != 6) {
					violations.add(id + ": spec.schedule must be a six-field cron expression (with seconds)");
				}
			}
			case "barmancloud.cnpg.io/v1/ObjectStore" -> {
				allowedKeys(id, spec, violations, "configuration", "retentionPolicy", "instanceSidecarConfiguration");
				required(id, Yamls.at(spec, "configuration.destinationPath"), "spec.configuration.destinationPath",
						violations);
			}
			case "elasticsearch.k8s.elastic.co/v1/Elasticsearch" -> {
				allowedKeys(id, spec, violations, "version", "nodeSets", "http", "auth", "image", "podDisruptionBudget",
						"updateStrategy", "transport", "secureSettings");
				required(id, spec.get("version"), "spec.version", violations);
				List<Object> nodeSets = Yamls.list(spec.get("nodeSets"));
				if (nodeSets.isEmpty()) {
					violations.add(id + ": spec.nodeSets must not be empty");
				}
				for (Object nodeSet : nodeSets) {
					required(id, Yamls.map(nodeSet).get("name"), "spec.nodeSets[].name", violations);
					positiveInt(id, Yamls.map(nodeSet).get("count"), "spec.nodeSets[].count", violations);
				}
			}
			case "keda.sh/v1alpha1/ScaledObject" -> {
				allowedKeys(id, spec, violations, "scaleTargetRef", "minReplicaCount", "maxReplicaCount",
						"cooldownPeriod", "pollingInterval", "triggers", "advanced", "fallback", "idleReplicaCount");
				required(id, Yamls.at(spec, "scaleTargetRef.name"), "spec.scaleTargetRef.name", violations);
				if (Yamls.list(spec.get("triggers")).isEmpty()) {
					violations.add(id + ": spec.triggers must not be empty");
				}
			}
			case "keda.sh/v1alpha1/TriggerAuthentication" -> {
				allowedKeys(id, spec, violations, "secretTargetRef", "env", "podIdentity");
				for (Object ref : Yamls.list(spec.get("secretTargetRef"))) {
					for (String key : List.of("parameter", "name", "key")) {
						required(id, Yamls.map(ref).get(key), "spec.secretTargetRef[]." + key, violations);
					}
				}
			}
			default -> violations.add(id + ": no structural check for " + type);
		}
		return violations;
	}

	private static void allowedKeys(String id, Map<String, Object> spec, List<String> violations, String... allowed) {
		Set<String> known = Set.of(allowed);
		for (String key : spec.keySet()) {
			if (!known.contains(key)) {
				violations.add(id + ": unknown field spec." + key);
			}
		}
	}

	private static void required(String id, Object value, String path, List<String> violations) {
		if (value == null || value.toString().isBlank()) {
			violations.add(id + ": " + path + " is required");
		}
	}

	private static void positiveInt(String id, Object value, String path, List<String> violations) {
		if (!(value instanceof Integer number) || number < 1) {
			violations.add(id + ": " + path + " must be a positive integer");
		}
	}

	// ---------------------------------------------------------------- policy

	static boolean isService(Map<String, Object> object) {
		return ("Deployment".equals(object.get("kind")) || "StatefulSet".equals(object.get("kind")))
				&& "service".equals(Yamls.mapAt(object, "metadata.labels").get("app.kubernetes.io/component"));
	}

	static List<String> policyViolations(List<Map<String, Object>> objects, Map<String, Integer> ports) {
		List<String> violations = new ArrayList<>();
		for (Map<String, Object> object : objects) {
			String kind = Yamls.string(object.get("kind"));
			if ("Secret".equals(kind)) {
				violations.add(id(object) + ": Secrets must not be committed (reference them, create them outside)");
			}
			if ("Deployment".equals(kind) || "StatefulSet".equals(kind)) {
				violations.addAll(workloadViolations(object, objects, ports));
			}
		}
		return violations;
	}

	private static List<String> workloadViolations(Map<String, Object> workload, List<Map<String, Object>> objects,
			Map<String, Integer> ports) {
		List<String> violations = new ArrayList<>();
		String id = id(workload);
		Map<String, Object> pod = Yamls.mapAt(workload, "spec.template.spec");
		Map<String, Object> podLabels = Yamls.mapAt(workload, "spec.template.metadata.labels");
		Map<String, Object> selector = Yamls.mapAt(workload, "spec.selector.matchLabels");
		if (selector.isEmpty() || !matches(selector, podLabels)) {
			violations.add(id + ": spec.selector.matchLabels must select the pod template's labels");
		}
		if (!Boolean.TRUE.equals(Yamls.at(pod, "securityContext.runAsNonRoot"))) {
			violations.add(id + ": pod securityContext.runAsNonRoot must be true");
		}
		if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
			violations.add(id + ": automountServiceAccountToken must be false (no service needs the API)");
		}
		boolean service = isService(workload);
		String name = Yamls.string(podLabels.get("app.kubernetes.io/name"));
		for (Object element : Yamls.list(pod.get("containers"))) {
			Map<String, Object> container = Yamls.map(element);
			String cid = id + " container " + container.get("name");
			if (!Boolean.FALSE.equals(Yamls.at(container, "securityContext.allowPrivilegeEscalation"))) {
				violations.add(cid + ": securityContext.allowPrivilegeEscalation must be false");
			}
			for (String resource : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
				if (Yamls.at(Yamls.mapAt(container, "resources"), resource) == null) {
					violations.add(cid + ": resources." + resource + " missing");
				}
			}
			String image = Yamls.string(container.get("image"));
			if (image == null || !image.contains(":") || image.endsWith(":latest")) {
				violations.add(cid + ": image must carry a fixed tag: " + image);
			}
			for (Object env : Yamls.list(container.get("env"))) {
				Map<String, Object> variable = Yamls.map(env);
				String envName = Yamls.string(variable.get("name"));
				Object value = variable.get("value");
				if (envName != null && SECRET_NAME.matcher(envName).matches() && value != null
						&& !value.toString().isEmpty()) {
					violations.add(cid + ": " + envName + " has a literal value; reference a Secret");
				}
			}
			for (Object source : Yamls.list(container.get("envFrom"))) {
				if (Yamls.map(source).containsKey("secretRef")) {
					violations.add(cid + ": envFrom secretRef hides which variables a service gets; use secretKeyRef");
				}
			}
			for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
				Map<String, Object> http = Yamls.mapAt(container, probe + ".httpGet");
				if (http.isEmpty()) {
					violations.add(cid + ": " + probe + " (httpGet) missing");
				}
				else if (service) {
					String path = Yamls.string(http.get("path"));
					String expected = probe.equals("readinessProbe") ? "/actuator/health/readiness"
							: "/actuator/health/liveness";
					if (!expected.equals(path)) {
						violations.add(cid + ": " + probe + " must probe " + expected + ", not " + path);
					}
				}
			}
			if (service) {
				Integer expected = ports.get(name);
				List<Object> containerPorts = Yamls.list(container.get("ports"));
				Integer actual = containerPorts.isEmpty() ? null
						: (Integer) Yamls.map(containerPorts.get(0)).get("containerPort");
				if (expected == null) {
					violations.add(cid + ": not a known FleetGrid service: " + name);
				}
				else if (!expected.equals(actual)) {
					violations.add(cid + ": containerPort " + actual + " but " + name + " listens on " + expected);
				}
			}
		}
		if (service) {
			violations.addAll(selectorViolations(id, name, podLabels, objects, ports));
		}
		return violations;
	}

	private static List<String> selectorViolations(String id, String name, Map<String, Object> podLabels,
			List<Map<String, Object>> objects, Map<String, Integer> ports) {
		List<String> violations = new ArrayList<>();
		Map<String, Object> serviceObject = find(objects, "Service", name);
		if (serviceObject == null) {
			violations.add(id + ": no Service named " + name);
		}
		else {
			if (!matches(Yamls.mapAt(serviceObject, "spec.selector"), podLabels)
					|| Yamls.mapAt(serviceObject, "spec.selector").isEmpty()) {
				violations.add(id + ": Service " + name + " selector does not select its pods");
			}
			List<Object> servicePorts = Yamls.listAt(serviceObject, "spec.ports");
			Object port = servicePorts.isEmpty() ? null : Yamls.map(servicePorts.get(0)).get("port");
			if (!Objects.equals(port, ports.get(name))) {
				violations
					.add(id + ": Service " + name + " port " + port + " but the service listens on " + ports.get(name));
			}
		}
		Map<String, Object> pdb = find(objects, "PodDisruptionBudget", name);
		if (pdb == null) {
			violations.add(id + ": no PodDisruptionBudget named " + name);
		}
		else if (Yamls.mapAt(pdb, "spec.selector.matchLabels").isEmpty()
				|| !matches(Yamls.mapAt(pdb, "spec.selector.matchLabels"), podLabels)) {
			violations.add(id + ": PodDisruptionBudget " + name + " selector does not select its pods");
		}
		return violations;
	}

	private static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
		for (Map.Entry<String, Object> entry : selector.entrySet()) {
			if (!Objects.equals(entry.getValue(), labels.get(entry.getKey()))) {
				return false;
			}
		}
		return true;
	}

	static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
		for (Map<String, Object> object : objects) {
			if (kind.equals(object.get("kind")) && Objects.equals(name, Yamls.at(object, "metadata.name"))) {
				return object;
			}
		}
		return null;
	}

	// ---------------------------------------------------------------- environment

	/**
	 * Variables a workload's first container gets: its {@code env} names and the keys of
	 * the ConfigMaps it imports with {@code envFrom}.
	 */
	static Set<String> environment(Map<String, Object> workload, List<Map<String, Object>> objects) {
		Set<String> names = new LinkedHashSet<>();
		List<Object> containers = Yamls.listAt(workload, "spec.template.spec.containers");
		if (containers.isEmpty()) {
			return names;
		}
		Map<String, Object> container = Yamls.map(containers.get(0));
		for (Object env : Yamls.list(container.get("env"))) {
			names.add(Yamls.string(Yamls.map(env).get("name")));
		}
		for (Object source : Yamls.list(container.get("envFrom"))) {
			String configMap = Yamls.string(Yamls.at(Yamls.map(source), "configMapRef.name"));
			Map<String, Object> found = (configMap != null) ? find(objects, "ConfigMap", configMap) : null;
			if (found != null) {
				names.addAll(Yamls.mapAt(found, "data").keySet());
			}
		}
		return names;
	}

	static List<String> environmentViolations(List<Map<String, Object>> objects, Map<String, Set<String>> required) {
		List<String> violations = new ArrayList<>();
		for (Map.Entry<String, Set<String>> entry : required.entrySet()) {
			Map<String, Object> workload = find(objects, "Deployment", entry.getKey());
			if (workload == null) {
				workload = find(objects, "StatefulSet", entry.getKey());
			}
			if (workload == null) {
				violations.add(entry.getKey() + ": no Deployment or StatefulSet");
				continue;
			}
			Set<String> missing = new LinkedHashSet<>(entry.getValue());
			missing.removeAll(environment(workload, objects));
			if (!missing.isEmpty()) {
				violations.add(entry.getKey() + ": environment lacks " + missing);
			}
		}
		return violations;
	}

	/** Identity wrapper so that the walk visits each model object once. */
	private record Identity(Object value) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Identity identity && identity.value == this.value;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.value);
		}

	}

}
