package io.fleetgrid.localstack;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.fleetgrid.localstack.process.ChildJvm;
import io.fleetgrid.localstack.process.ChildJvmStartException;
import io.fleetgrid.localstack.process.LocalStackClasspath;
import io.fleetgrid.localstack.process.ReadyLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Runs {@link ServerMain} in child JVMs with the {@code test-echo} server of
 * {@link EchoServerFactory}.
 */
class ServerMainTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	private final List<ChildJvm> started = new ArrayList<>();

	@AfterEach
	void killLeftovers() {
		this.started.forEach(ChildJvm::kill);
	}

	@Test
	void printsOneReadyLineWithTheServersProperties() throws Exception {
		Path data = this.dir.resolve("data");
		ChildJvm server = start(serverMain("test-echo", "4242", data.toString(), "a=b", "url=tcp://x:1?y=z"));

		Map<String, String> properties = ReadyLine.parse(server.readyLine());

		assertThat(properties).containsEntry("port", "4242")
			.containsEntry("dataDir", data.toString())
			.containsEntry("a", "b")
			.containsEntry("url", "tcp://x:1?y=z");
		assertThat(data).isDirectory();
		assertThat(server.lastLines()).filteredOn(ReadyLine::isReadyLine).hasSize(1);
	}

	@Test
	void closesTheServerWhenTerminated() throws Exception {
		Path data = this.dir.resolve("data");
		ChildJvm server = start(serverMain("test-echo", "1", data.toString()));

		assertThat(server.stop(Duration.ofSeconds(30))).isTrue();

		assertThat(data.resolve("closed")).exists();
	}

	@Test
	void closesTheServerAndExitsWhenItsParentDies() throws Exception {
		Path data = this.dir.resolve("data");
		ChildJvm parent = start(ChildJvm.builder("parent")
			.classpath(childClasspath())
			.mainClass(ServerParent.class.getName())
			.jvmOptions("-Xmx64m", "-XX:TieredStopAtLevel=1")
			.args(childClasspath(), data.toString())
			.readyWhen((line) -> line.startsWith("SERVER-PID "), TIMEOUT));
		long serverPid = Long.parseLong(parent.readyLine().substring("SERVER-PID ".length()));
		ProcessHandle serverProcess = ProcessHandle.of(serverPid).orElseThrow();

		ProcessHandle.of(parent.pid()).orElseThrow().destroyForcibly();

		assertThat(serverProcess.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).get())
			.as("server process exited after its parent was killed")
			.isNotNull();
		assertThat(data.resolve("closed")).exists();
	}

	@Test
	void unknownKindExitsNamingTheKnownKinds() {
		ChildJvm.Builder builder = serverMain("no-such-kind", "1", this.dir.toString());

		assertThatExceptionOfType(ChildJvmStartException.class).isThrownBy(builder::start)
			.withMessageContaining("exited with 2")
			.withMessageContaining("unknown server kind 'no-such-kind'")
			.withMessageContaining("test-echo");
	}

	@Test
	void serverThatFailsToStartExitsWithItsError() {
		ChildJvm.Builder builder = serverMain("test-echo", "1", this.dir.toString(), "fail=port in use");

		assertThatExceptionOfType(ChildJvmStartException.class).isThrownBy(builder::start)
			.withMessageContaining("exited with 1")
			.withMessageContaining("port in use");
	}

	@Test
	void optionsAreKeyValuePairsSplitAtTheFirstEquals() {
		assertThat(ServerMain.options(List.of("databases=a,b", "url=x=y")))
			.containsExactly(Map.entry("databases", "a,b"), Map.entry("url", "x=y"));
		assertThatIllegalArgumentException().isThrownBy(() -> ServerMain.options(List.of("novalue")));
		assertThat(ServerMain.factory("test-echo")).map((factory) -> factory.getClass())
			.isEqualTo(Optional.of(EchoServerFactory.class));
	}

	private ChildJvm start(ChildJvm.Builder builder) throws Exception {
		ChildJvm child = builder.start();
		this.started.add(child);
		return child;
	}

	private ChildJvm.Builder serverMain(String... args) {
		return ChildJvm.builder("server-main")
			.classpath(childClasspath())
			.mainClass(ServerMain.class.getName())
			.jvmOptions("-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
			.logFile(this.dir.resolve("server.log"))
			.args(args)
			.readyWhen(ReadyLine::isReadyLine, TIMEOUT);
	}

	private static String childClasspath() {
		try {
			Path testClasses = Path
				.of(EchoServerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return testClasses + File.pathSeparator + LocalStackClasspath.asString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
