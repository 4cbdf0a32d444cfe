package io.fleetgrid.localstack.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapSecretsTests {

	@TempDir
	Path dir;

	@Test
	void generatesSecretsOnceAndKeepsThemAcrossRestarts() throws Exception {
		Path file = this.dir.resolve("data/bootstrap.properties");
		BootstrapSecrets first = BootstrapSecrets.resolve(file, Map.of());
		BootstrapSecrets second = BootstrapSecrets.resolve(file, Map.of());

		assertThat(first.get(BootstrapSecrets.ADMIN_CLIENT_ID)).isEqualTo("fleetgrid-admin");
		assertThat(first.get(BootstrapSecrets.OPERATOR_CLIENT_ID)).isEqualTo("fleetgrid-operator");
		assertThat(first.get(BootstrapSecrets.ADMIN_CLIENT_SECRET)).hasSizeGreaterThanOrEqualTo(24)
			.isNotEqualTo(first.get(BootstrapSecrets.OPERATOR_CLIENT_SECRET));
		assertThat(second.asEnvironment()).isEqualTo(first.asEnvironment());
		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
	}

	@Test
	void environmentOverridesStoredAndDefaultValues() throws Exception {
		Path file = this.dir.resolve("bootstrap.properties");
		BootstrapSecrets.resolve(file, Map.of());
		BootstrapSecrets secrets = BootstrapSecrets.resolve(file,
				Map.of(BootstrapSecrets.ADMIN_CLIENT_ID, "acme-admin", BootstrapSecrets.DEMO_PASSWORD, "s3cret-demo"));

		assertThat(secrets.get(BootstrapSecrets.ADMIN_CLIENT_ID)).isEqualTo("acme-admin");
		assertThat(secrets.get(BootstrapSecrets.DEMO_PASSWORD)).isEqualTo("s3cret-demo");
	}

	@Test
	void givesEachServiceItsOwnClientSecretAndAuthServiceAllOfThem() throws Exception {
		Path file = this.dir.resolve("bootstrap.properties");
		BootstrapSecrets secrets = BootstrapSecrets.resolve(file, Map.of(),
				List.of("auth-service", "device-service", "ingest-service", "api-gateway"));

		String ingest = secrets.environmentFor("ingest-service").get(BootstrapSecrets.SERVICE_CLIENT_SECRET);
		String device = secrets.environmentFor("device-service").get(BootstrapSecrets.SERVICE_CLIENT_SECRET);
		assertThat(ingest).isNotBlank().isNotEqualTo(device);
		assertThat(secrets.environmentFor("auth-service").get(BootstrapSecrets.SERVICE_CLIENTS))
			.contains("svc-ingest-service:" + ingest)
			.contains("svc-device-service:" + device);
		assertThat(secrets.environmentFor("device-service")).containsKey(BootstrapSecrets.DEVICE_TOKEN_PEPPER);
		assertThat(secrets.environmentFor("ingest-service")).doesNotContainKey(BootstrapSecrets.DEVICE_TOKEN_PEPPER);
		assertThat(secrets.environmentFor("api-gateway").get(BootstrapSecrets.PORTAL_CLIENT_SECRET))
			.isEqualTo(secrets.environmentFor("auth-service").get(BootstrapSecrets.PORTAL_CLIENT_SECRET));
		assertThat(BootstrapSecrets.resolve(file, Map.of(), List.of("ingest-service")).environmentFor("ingest-service"))
			.isEqualTo(secrets.environmentFor("ingest-service"));
	}

}
