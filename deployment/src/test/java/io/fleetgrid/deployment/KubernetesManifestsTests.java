package io.fleetgrid.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fleetgrid.contracts.topic.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every overlay of {@code k8s/} with {@code kubectl kustomize} and validates each
 * object (schemas, FleetGrid policies, environment of every service).
 */
class KubernetesManifestsTests {

	private static final List<String> OVERLAYS = List.of("dev", "prod", "prod-keda");

	private static final Map<String, List<Map<String, Object>>> RENDERED = new LinkedHashMap<>();

	@BeforeAll
	static void render() {
		for (String overlay : OVERLAYS) {
			RENDERED.put(overlay, Kustomize.render(Repository.path("k8s/overlays/" + overlay)));
		}
	}

	private static List<Map<String, Object>> objects(String overlay) {
		return RENDERED.get(overlay);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod", "prod-keda" })
	void everyRenderedObjectMatchesItsSchema(String overlay) {
		List<String> violations = new ArrayList<>();
		objects(overlay).forEach((object) -> violations.addAll(ManifestChecks.schemaViolations(object)));
		assertThat(violations).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod", "prod-keda" })
	void everyWorkloadFollowsTheDeploymentPolicies(String overlay) {
		assertThat(ManifestChecks.policyViolations(objects(overlay), Services.ports())).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod", "prod-keda" })
	void everyServiceGetsTheEnvironmentItsConfigurationNeeds(String overlay) {
		Map<String, Set<String>> required = new LinkedHashMap<>();
		Services.ALL.forEach((service) -> required.put(service, Services.requiredEnvironment(service)));
		assertThat(ManifestChecks.environmentViolations(objects(overlay), required)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod", "prod-keda" })
	void deploysEveryServiceIntoTheFleetgridNamespace(String overlay) {
		for (String service : Services.ALL) {
			Map<String, Object> workload = ManifestChecks.find(objects(overlay), "Deployment", service);
			if (workload == null) {
				workload = ManifestChecks.find(objects(overlay), "StatefulSet", service);
			}
			assertThat(workload).as(service).isNotNull();
			assertThat(ManifestChecks.isService(workload)).as(service).isTrue();
		}
		objects(overlay).stream()
			.filter((object) -> !"Namespace".equals(object.get("kind")))
			.forEach((object) -> assertThat(Yamls.at(object, "metadata.namespace")).as(ManifestChecks.id(object))
				.isEqualTo("fleetgrid"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod", "prod-keda" })
	void exposesOnlyTheGatewayAndTheMqttBroker(String overlay) {
		for (Map<String, Object> object : objects(overlay)) {
			if ("Service".equals(object.get("kind"))) {
				String type = Yamls.string(Yamls.at(object, "spec.type"));
				if ("LoadBalancer".equals(type) || "NodePort".equals(type)) {
					assertThat(Yamls.at(object, "metadata.name")).isEqualTo("mqtt-broker");
				}
			}
			if ("Ingress".equals(object.get("kind"))) {
				for (Object rule : Yamls.listAt(object, "spec.rules")) {
					for (Object path : Yamls.listAt(Yamls.map(rule), "http.paths")) {
						assertThat(Yamls.at(Yamls.map(path), "backend.service.name")).isEqualTo("api-gateway");
					}
				}
			}
		}
		Map<String, Object> defaultDeny = ManifestChecks.find(objects(overlay), "NetworkPolicy", "default-deny");
		assertThat(defaultDeny).isNotNull();
		assertThat(Yamls.mapAt(defaultDeny, "spec.podSelector")).isEmpty();
		assertThat(Yamls.listAt(defaultDeny, "spec.policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
		for (String service : Services.ALL) {
			assertThat(ManifestChecks.find(objects(overlay), "NetworkPolicy", service)).as(service).isNotNull();
		}
	}

	@Test
	void prodRunsAHighlyAvailableKafkaWithTheCatalogueTopics() {
		List<Map<String, Object>> prod = objects("prod");
		Map<String, Object> kafka = ManifestChecks.find(prod, "Kafka", KafkaResources.CLUSTER);
		assertThat(Yamls.mapAt(kafka, "spec.kafka.config")).containsEntry("default.replication.factor", 3)
			.containsEntry("min.insync.replicas", 2)
			.containsEntry("auto.create.topics.enable", false);
		assertThat(Yamls.at(ManifestChecks.find(prod, "KafkaNodePool", "brokers"), "spec.replicas")).isEqualTo(3);
		assertThat(Yamls.at(ManifestChecks.find(prod, "KafkaNodePool", "controllers"), "spec.replicas")).isEqualTo(3);
		List<Map<String, Object>> topics = prod.stream()
			.filter((object) -> "KafkaTopic".equals(object.get("kind")))
			.toList();
		assertThat(topics).extracting((topic) -> Yamls.at(topic, "spec.topicName"))
			.containsExactlyInAnyOrderElementsOf(Topics.all().stream().map((topic) -> (Object) topic.name()).toList());
		assertThat(topics).allSatisfy((topic) -> {
			assertThat(Yamls.at(topic, "spec.replicas")).isEqualTo(3);
			assertThat(Yamls.mapAt(topic, "spec.config")).containsEntry("min.insync.replicas", "2");
		});
	}

	@Test
	void prodRunsThreeDatabaseInstancesThreeSearchNodesAndThreeEurekaPeers() {
		List<Map<String, Object>> prod = objects("prod");
		assertThat(Yamls.at(ManifestChecks.find(prod, "Cluster", "fleetgrid-pg"), "spec.instances")).isEqualTo(3);
		assertThat(Yamls.at(ManifestChecks.find(prod, "Cluster", "fleetgrid-pg"), "spec.plugins")).isNotNull();
		assertThat(ManifestChecks.find(prod, "ScheduledBackup", "fleetgrid-pg-daily")).isNotNull();
		Map<String, Object> search = ManifestChecks.find(prod, "Elasticsearch", "fleetgrid-search");
		assertThat(Yamls.at(Yamls.map(Yamls.listAt(search, "spec.nodeSets").get(0)), "count")).isEqualTo(3);
		assertThat(Yamls.at(ManifestChecks.find(prod, "StatefulSet", "discovery-server"), "spec.replicas"))
			.isEqualTo(3);
		assertThat(Yamls.at(ManifestChecks.find(prod, "ConfigMap", "fleetgrid-config"), "data.EUREKA_URL").toString())
			.contains("discovery-server-0", "discovery-server-1", "discovery-server-2");
	}

	@Test
	void devRunsOneOfEverything() {
		List<Map<String, Object>> dev = objects("dev");
		assertThat(Yamls.at(ManifestChecks.find(dev, "Cluster", "fleetgrid-pg"), "spec.instances")).isEqualTo(1);
		Map<String, Object> search = ManifestChecks.find(dev, "Elasticsearch", "fleetgrid-search");
		assertThat(Yamls.at(Yamls.map(Yamls.listAt(search, "spec.nodeSets").get(0)), "count")).isEqualTo(1);
		assertThat(dev.stream().filter((object) -> "KafkaNodePool".equals(object.get("kind")))).hasSize(1);
		assertThat(dev.stream().filter((object) -> "KafkaTopic".equals(object.get("kind"))))
			.allSatisfy((topic) -> assertThat(Yamls.at(topic, "spec.replicas")).isEqualTo(1));
	}

	@Test
	void autoscalesIngestAndStreamProcessorOnCpuOrOnLagWithKeda() {
		for (String overlay : List.of("dev", "prod")) {
			for (String service : List.of("ingest-service", "stream-processor")) {
				Map<String, Object> hpa = ManifestChecks.find(objects(overlay), "HorizontalPodAutoscaler", service);
				assertThat(hpa).as(overlay + " " + service).isNotNull();
				assertThat(Yamls.at(hpa, "spec.scaleTargetRef.name")).isEqualTo(service);
			}
		}
		List<Map<String, Object>> keda = objects("prod-keda");
		assertThat(ManifestChecks.find(keda, "HorizontalPodAutoscaler", "stream-processor")).isNull();
		assertThat(ManifestChecks.find(keda, "HorizontalPodAutoscaler", "ingest-service")).isNotNull();
		Map<String, Object> scaled = ManifestChecks.find(keda, "ScaledObject", "stream-processor");
		assertThat(Yamls.at(scaled, "spec.maxReplicaCount")).isEqualTo(Topics.DEVICE_PARTITIONS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod", "prod-keda" })
	void everyIngestPodHasItsOwnStableMqttSessionInOneSharedSubscription(String overlay) {
		// Pods sharing one client id take the persistent session from each other; a plain
		// filter makes every pod write every message; an id that changes with each pod
		// (a Deployment's random names) abandons the session's queue on every restart.
		assertThat(ManifestChecks.find(objects(overlay), "Deployment", "ingest-service")).isNull();
		Map<String, Object> ingest = ManifestChecks.find(objects(overlay), "StatefulSet", "ingest-service");
		assertThat(ingest).isNotNull();
		Map<String, Object> container = Yamls.map(Yamls.listAt(ingest, "spec.template.spec.containers").get(0));
		List<String> names = new ArrayList<>();
		Map<String, Map<String, Object>> env = new LinkedHashMap<>();
		for (Object variable : Yamls.listAt(container, "env")) {
			Map<String, Object> entry = Yamls.map(variable);
			names.add(Yamls.string(entry.get("name")));
			env.put(Yamls.string(entry.get("name")), entry);
		}
		assertThat(env).containsKeys("POD_NAME", "FLEETGRID_MQTT_CLIENT_ID", "FLEETGRID_MQTT_TOPIC_FILTER");
		assertThat(Yamls.at(env.get("POD_NAME"), "valueFrom.fieldRef.fieldPath")).isEqualTo("metadata.name");
		// Kubernetes expands $(POD_NAME) only if POD_NAME is defined earlier in the list.
		assertThat(names.indexOf("POD_NAME")).isLessThan(names.indexOf("FLEETGRID_MQTT_CLIENT_ID"));
		assertThat(Yamls.string(env.get("FLEETGRID_MQTT_CLIENT_ID").get("value"))).contains("$(POD_NAME)");
		assertThat(Yamls.string(env.get("FLEETGRID_MQTT_TOPIC_FILTER").get("value")))
			.isEqualTo("$share/ingest/devices/+/telemetry");
		assertThat(Yamls.at(ingest, "spec.serviceName")).isNotNull();
		assertThat(ManifestChecks.find(objects(overlay), "Service", Yamls.string(Yamls.at(ingest, "spec.serviceName"))))
			.extracting((service) -> Yamls.at(service, "spec.clusterIP"))
			.isEqualTo("None");
		assertThat(Yamls.at(ManifestChecks.find(objects(overlay), "HorizontalPodAutoscaler", "ingest-service"),
				"spec.scaleTargetRef.kind"))
			.isEqualTo("StatefulSet");
	}

}
