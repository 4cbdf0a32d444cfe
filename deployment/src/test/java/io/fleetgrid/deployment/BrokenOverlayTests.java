package io.fleetgrid.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * End to end: a copy of {@code k8s/} with one defect, rendered with kubectl like the real
 * tree, fails the same checks.
 */
class BrokenOverlayTests {

	@TempDir
	Path copy;

	private Path copyTree() throws IOException {
		Path source = Repository.path("k8s");
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path target = this.copy.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		return this.copy;
	}

	private void edit(String relative, String from, String to) throws IOException {
		Path file = this.copy.resolve(relative);
		String text = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(text).contains(from);
		Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
	}

	@Test
	void aProbeOffTheActuatorAndAnUnknownFieldFailTheRenderedOverlay() throws IOException {
		copyTree();
		edit("base/services/ingest-service/statefulset.yaml", "path: /actuator/health/readiness", "path: /ready");
		edit("base/services/log-service/deployment.yaml", "      terminationGracePeriodSeconds: 45",
				"      terminationGracePeriodSeconds: 45\n      terminationGraceSeconds: 45");
		List<Map<String, Object>> objects = Kustomize.render(this.copy.resolve("overlays/prod"));
		assertThat(ManifestChecks.policyViolations(objects, Services.ports()))
			.anySatisfy((violation) -> assertThat(violation).contains("ingest-service")
				.contains("readinessProbe must probe /actuator/health/readiness"));
		List<String> schema = new ArrayList<>();
		objects.forEach((object) -> schema.addAll(ManifestChecks.schemaViolations(object)));
		assertThat(schema).anySatisfy((violation) -> assertThat(violation).contains("terminationGraceSeconds"));
	}

	@Test
	void aMissingSecretReferenceFailsTheEnvironmentCheck() throws IOException {
		copyTree();
		edit("base/services/device-service/deployment.yaml", "            - name: FLEETGRID_DEVICE_TOKEN_PEPPER\n",
				"            - name: FLEETGRID_DEVICE_TOKEN_PEPPERR\n");
		List<Map<String, Object>> objects = Kustomize.render(this.copy.resolve("overlays/dev"));
		assertThat(ManifestChecks.environmentViolations(objects,
				Map.of("device-service", Services.requiredEnvironment("device-service"))))
			.containsExactly("device-service: environment lacks [FLEETGRID_DEVICE_TOKEN_PEPPER]");
	}

	@Test
	void aKustomizationThatDoesNotRenderFails() throws IOException {
		copyTree();
		edit("base/kafka/kustomization.yaml", "  - users.yaml", "  - missing-users.yaml");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Kustomize.render(this.copy.resolve("overlays/dev")))
			.withMessageContaining("kubectl kustomize");
	}

}
