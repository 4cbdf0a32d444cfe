package io.fleetgrid.deployment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code deploy/Dockerfile}: structure that no container engine is needed to check. */
class DockerfileTests {

	private static final String DOCKERFILE = Repository.read("deploy/Dockerfile");

	@Test
	void buildsANonRootLayeredImageOnAJre25Base() {
		assertThat(DockerfileChecks.violations(DOCKERFILE)).isEmpty();
	}

	@Test
	void keepsLocalDataAndSecretsOutOfTheBuildContext() {
		assertThat(Repository.read("deploy/Dockerfile.dockerignore")).contains("**/target/", ".fleetgrid/", ".env");
	}

	@Test
	void checksTheHealthOfTheReadinessGroup() {
		assertThat(Repository.read("deploy/healthcheck.sh")).contains("/actuator/health/readiness");
	}

	@Test
	void rejectsARootUser() {
		assertThat(DockerfileChecks.violations(DOCKERFILE.replace("USER 10001:10001", "USER root")))
			.contains("the runtime stage runs as root: USER root");
		assertThat(DockerfileChecks.violations(DOCKERFILE.replace("USER 10001:10001\n", "")))
			.contains("the runtime stage must switch to a non-root USER");
	}

	@Test
	void rejectsAddAndSecrets() {
		assertThat(DockerfileChecks.violations(DOCKERFILE.replace("COPY . .", "ADD . .")))
			.anySatisfy((violation) -> assertThat(violation).startsWith("ADD is not allowed"));
		assertThat(DockerfileChecks.violations(DOCKERFILE.replace("COPY . .", "COPY . .\nCOPY .env /app/.env")))
			.anySatisfy((violation) -> assertThat(violation).startsWith("secrets must not enter the image"));
	}

	@Test
	void rejectsAnExposedPortThatIsNotTheServicePort() {
		assertThat(DockerfileChecks.violations(DOCKERFILE.replace("EXPOSE ${PORT}", "EXPOSE 8080")))
			.anySatisfy((violation) -> assertThat(violation).startsWith("EXPOSE must publish"));
	}

	@Test
	void rejectsAFullJdkOrOldRuntime() {
		assertThat(DockerfileChecks
			.violations(DOCKERFILE.replace("FROM eclipse-temurin:25-jre\n", "FROM eclipse-temurin:21-jdk\n")))
			.anySatisfy((violation) -> assertThat(violation).startsWith("the runtime stage must be a JRE 25 base"));
	}

	@Test
	void rejectsAMissingHealthcheckOrShellEntrypoint() {
		String noHealthcheck = DOCKERFILE.lines()
			.filter((line) -> !line.startsWith("HEALTHCHECK"))
			.reduce("", (a, b) -> a + b + "\n");
		assertThat(DockerfileChecks.violations(noHealthcheck)).contains("the runtime stage needs a HEALTHCHECK");
		assertThat(DockerfileChecks.violations(
				DOCKERFILE.replace("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]",
						"ENTRYPOINT java org.springframework.boot.loader.launch.JarLauncher")))
			.anySatisfy((violation) -> assertThat(violation).startsWith("ENTRYPOINT must"));
	}

}
