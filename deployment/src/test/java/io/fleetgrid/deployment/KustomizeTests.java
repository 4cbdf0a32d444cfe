package io.fleetgrid.deployment;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A missing kubectl fails the manifest tests with instructions; it never skips them. */
class KustomizeTests {

	@Test
	void failsWithInstructionsWhenKubectlIsMissing() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Kustomize.kubectl(Map.of("PATH", "/nonexistent"), Path.of("/nonexistent/kubectl")))
			.withMessageContaining("kubectl is required")
			.withMessageContaining("1.27 or newer");
	}

	@Test
	void prefersTheConfiguredKubectl() {
		assertThat(Kustomize.kubectl(Map.of("KUBECTL", "/opt/k/kubectl"), Path.of("/nonexistent/kubectl")))
			.isEqualTo(Path.of("/opt/k/kubectl"));
	}

}
