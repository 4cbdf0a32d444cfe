package io.fleetgrid.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each manifest check fails on a broken manifest (mutation sanity): the checks run on a
 * small valid set of objects, then on copies with one defect each.
 */
class ManifestChecksTests {

	private static final Map<String, Integer> PORTS = Map.of("device-service", 8081);

	private static final String VALID = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: device-service
			  labels: {app.kubernetes.io/name: device-service, app.kubernetes.io/component: service}
			spec:
			  selector:
			    matchLabels: {app.kubernetes.io/name: device-service}
			  template:
			    metadata:
			      labels: {app.kubernetes.io/name: device-service, app.kubernetes.io/part-of: fleetgrid}
			    spec:
			      automountServiceAccountToken: false
			      securityContext: {runAsNonRoot: true}
			      containers:
			        - name: device-service
			          image: ghcr.io/fleetgrid/device-service:0.1.0
			          ports: [{name: http, containerPort: 8081}]
			          envFrom: [{configMapRef: {name: fleetgrid-config}}]
			          env:
			            - name: POSTGRES_PASSWORD
			              valueFrom: {secretKeyRef: {name: fleetgrid-pg-device, key: password}}
			          startupProbe: {httpGet: {path: /actuator/health/liveness, port: http}}
			          livenessProbe: {httpGet: {path: /actuator/health/liveness, port: http}}
			          readinessProbe: {httpGet: {path: /actuator/health/readiness, port: http}}
			          resources:
			            requests: {cpu: 250m, memory: 512Mi}
			            limits: {cpu: "1", memory: 512Mi}
			          securityContext: {allowPrivilegeEscalation: false}
			---
			apiVersion: v1
			kind: Service
			metadata: {name: device-service}
			spec:
			  selector: {app.kubernetes.io/name: device-service}
			  ports: [{name: http, port: 8081, targetPort: http}]
			---
			apiVersion: policy/v1
			kind: PodDisruptionBudget
			metadata: {name: device-service}
			spec:
			  maxUnavailable: 1
			  selector:
			    matchLabels: {app.kubernetes.io/name: device-service}
			---
			apiVersion: v1
			kind: ConfigMap
			metadata: {name: fleetgrid-config}
			data: {POSTGRES_HOST: fleetgrid-pg-rw}
			""";

	private static List<String> policy(String yaml) {
		return ManifestChecks.policyViolations(Yamls.documents(yaml), PORTS);
	}

	private static List<String> schema(String yaml) {
		List<String> violations = new ArrayList<>();
		Yamls.documents(yaml).forEach((object) -> violations.addAll(ManifestChecks.schemaViolations(object)));
		return violations;
	}

	private static void assertCaught(UnaryOperator<String> defect, String expectedMessage) {
		String broken = defect.apply(VALID);
		assertThat(broken).as("the defect must change the manifest").isNotEqualTo(VALID);
		List<String> violations = new ArrayList<>(policy(broken));
		violations.addAll(schema(broken));
		assertThat(violations).anySatisfy((violation) -> assertThat(violation).contains(expectedMessage));
	}

	@Test
	void acceptsTheValidManifests() {
		assertThat(policy(VALID)).isEmpty();
		assertThat(schema(VALID)).isEmpty();
	}

	@Test
	void rejectsAMissingProbe() {
		assertCaught(
				(yaml) -> yaml.replace(
						"          readinessProbe: {httpGet: {path: /actuator/health/readiness, port: http}}\n", ""),
				"readinessProbe (httpGet) missing");
	}

	@Test
	void rejectsAProbeOffTheActuatorPath() {
		assertCaught((yaml) -> yaml.replace("path: /actuator/health/readiness", "path: /"), "must probe");
	}

	@Test
	void rejectsAWrongContainerPort() {
		assertCaught((yaml) -> yaml.replace("containerPort: 8081", "containerPort: 8080"), "containerPort 8080");
	}

	@Test
	void rejectsAServicePortThatIsNotTheServicesPort() {
		assertCaught((yaml) -> yaml.replace("port: 8081, targetPort", "port: 80, targetPort"), "port 80");
	}

	@Test
	void rejectsMissingLimits() {
		assertCaught((yaml) -> yaml.replace("            limits: {cpu: \"1\", memory: 512Mi}\n", ""),
				"resources.limits.cpu missing");
	}

	@Test
	void rejectsARootPod() {
		assertCaught((yaml) -> yaml.replace("runAsNonRoot: true", "runAsNonRoot: false"), "runAsNonRoot");
	}

	@Test
	void rejectsAServiceSelectorThatMissesThePods() {
		assertCaught((yaml) -> yaml.replace("  selector: {app.kubernetes.io/name: device-service}",
				"  selector: {app.kubernetes.io/name: device}"), "Service device-service selector");
	}

	@Test
	void rejectsAPdbSelectorThatMissesThePods() {
		assertCaught((yaml) -> yaml.replace(
				"spec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app.kubernetes.io/name: device-service}",
				"spec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: device}"), "PodDisruptionBudget");
	}

	@Test
	void rejectsAPlaintextSecretInTheEnvironment() {
		assertCaught((yaml) -> yaml.replace("valueFrom: {secretKeyRef: {name: fleetgrid-pg-device, key: password}}",
				"value: hunter2"), "POSTGRES_PASSWORD has a literal value");
	}

	@Test
	void rejectsACommittedSecret() {
		assertCaught(
				(yaml) -> yaml + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: pg}\nstringData: {password: x}\n",
				"Secrets must not be committed");
	}

	@Test
	void rejectsAnUnknownFieldInACoreKind() {
		assertCaught(
				(yaml) -> yaml.replace("      automountServiceAccountToken: false",
						"      automountServiceAccountToken: false\n      restartPolicyy: Always"),
				"unknown properties [restartPolicyy]");
	}

	@Test
	void rejectsAWronglyTypedFieldInACoreKind() {
		assertCaught((yaml) -> yaml.replace("maxUnavailable: 1", "maxUnavailable: [1]"), "does not match");
	}

	@Test
	void rejectsAnUnknownFieldInAStrimziKind() {
		String user = KafkaResources.renderUsers(List.of(KafkaResources.serviceAccess().get(0)));
		assertThat(schema(user)).isEmpty();
		assertThat(schema(user.replace("    type: scram-sha-512", "    type: scram-sha-512\n    passwrd: x")))
			.anySatisfy((violation) -> assertThat(violation).contains("passwrd"));
		assertThat(schema(user.replace("type: scram-sha-512", "type: kerberos"))).isNotEmpty();
	}

	@Test
	void rejectsAnUnknownKindAndBrokenOperatorResources() {
		assertThat(schema("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n"))
			.anySatisfy((violation) -> assertThat(violation).contains("no schema known"));
		assertThat(schema(
				"apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: {name: pg}\nspec: {instances: 0}\n"))
			.contains("Cluster/pg: spec.instances must be a positive integer",
					"Cluster/pg: spec.storage.size is required");
		assertThat(schema("""
				apiVersion: elasticsearch.k8s.elastic.co/v1
				kind: Elasticsearch
				metadata: {name: es}
				spec: {version: 8.19.7, nodeSets: [{name: default, count: 1}], nodeSet: []}
				""")).contains("Elasticsearch/es: unknown field spec.nodeSet");
		assertThat(
				schema("apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: s}\nspec: {triggers: []}\n"))
			.contains("ScaledObject/s: spec.scaleTargetRef.name is required",
					"ScaledObject/s: spec.triggers must not be empty");
	}

	@Test
	void reportsVariablesAServiceDoesNotGet() {
		List<Map<String, Object>> objects = Yamls.documents(VALID);
		assertThat(ManifestChecks.environmentViolations(objects,
				Map.of("device-service", Set.of("POSTGRES_HOST", "POSTGRES_PASSWORD"))))
			.isEmpty();
		assertThat(ManifestChecks.environmentViolations(objects,
				Map.of("device-service", Set.of("POSTGRES_HOST", "FLEETGRID_DEVICE_TOKEN_PEPPER"))))
			.containsExactly("device-service: environment lacks [FLEETGRID_DEVICE_TOKEN_PEPPER]");
	}

	@Test
	void findsPlaceholdersWithoutDefaultsInEveryProfile() {
		String yaml = """
				spring:
				  datasource:
				    url: jdbc:postgresql://${POSTGRES_HOST:localhost}/device
				---
				spring:
				  config: {activate: {on-profile: prod}}
				  datasource:
				    password: ${POSTGRES_PASSWORD}
				    username: ${POSTGRES_USER:}
				""";
		assertThat(Services.placeholdersWithoutDefault(yaml)).containsExactly("POSTGRES_PASSWORD");
	}

}
