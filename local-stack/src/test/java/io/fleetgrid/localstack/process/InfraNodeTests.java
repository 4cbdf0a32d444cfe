package io.fleetgrid.localstack.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InfraNodeTests {

	@TempDir
	Path dir;

	@Test
	void unknownKindFailsNamingTheRegisteredKinds() {
		assertThatExceptionOfType(ChildJvmStartException.class)
			.isThrownBy(() -> InfraNode.start("no-such-kind", 1, this.dir.resolve("data"), Map.of(),
					Duration.ofSeconds(60)))
			.withMessageContaining("unknown server kind 'no-such-kind'")
			.withMessageContaining("kafka")
			.withMessageContaining("postgres");
		assertThat(this.dir.resolve("data.log")).content().contains("unknown server kind");
	}

	@Test
	void serverJvmsAreSmallAndTheirHeapDependsOnTheKind() {
		assertThat(InfraNode.defaultJvmOptions("kafka")).contains("-XX:+UseSerialGC", "-Xmx256m");
		assertThat(InfraNode.defaultJvmOptions("postgres")).contains("-Xmx128m");
	}

}
