package io.fleetgrid.localstack.process;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChildJvmTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	Path dir;

	private final List<ChildJvm> started = new ArrayList<>();

	@AfterEach
	void killLeftovers() {
		this.started.forEach(ChildJvm::kill);
	}

	@Test
	void startReturnsOnceTheReadyLineAppearedAndLogsEveryLine() throws Exception {
		Path log = this.dir.resolve("logs/child.log");
		ChildJvm child = start(child(log, "say:starting", "err:on stderr", "say:READY now", "sleep")
			.readyWhen((line) -> line.startsWith("READY"), TIMEOUT));

		assertThat(child.isAlive()).isTrue();
		assertThat(child.readyLine()).isEqualTo("READY now");
		assertThat(Files.readAllLines(log)).contains("starting", "on stderr", "READY now");
		assertThat(child.lastLines()).contains("starting", "on stderr", "READY now");
	}

	@Test
	void childLearnsThePidOfItsParent() throws Exception {
		ChildJvm child = start(child(null, "env:" + ChildJvm.PARENT_PID_ENV, "say:READY", "sleep")
			.readyWhen("READY"::equals, TIMEOUT));

		assertThat(child.lastLines()).contains(ChildJvm.PARENT_PID_ENV + "=" + ProcessHandle.current().pid());
	}

	@Test
	void childThatIsNotReadyInTimeIsKilledAndItsLastFiftyLinesAreReported() throws Exception {
		ChildJvm.Builder builder = child(null, "lines:80", "sleep").readyWhen("READY"::equals, Duration.ofSeconds(3));

		assertThatExceptionOfType(ChildJvmStartException.class).isThrownBy(builder::start)
			.withMessageContaining("was not ready within 3 s")
			.withMessageContaining("line 80")
			.satisfies((ex) -> {
				assertThat(ex.lastLines()).hasSize(ChildJvm.TAIL_LINES).endsWith("line 80").startsWith("line 31");
				assertThat(ProcessHandle.of(pidIn(ex.getMessage())).filter(ProcessHandle::isAlive))
					.as("the child is no longer running")
					.isEmpty();
			});
	}

	@Test
	void childThatExitsBeforeItIsReadyIsReportedWithItsExitCode() {
		ChildJvm.Builder builder = child(null, "say:cannot bind", "exit:3").readyWhen("READY"::equals, TIMEOUT);

		assertThatExceptionOfType(ChildJvmStartException.class).isThrownBy(builder::start)
			.withMessageContaining("exited with 3 before it was ready")
			.satisfies((ex) -> assertThat(ex.lastLines()).containsExactly("cannot bind"));
	}

	@Test
	void stopLetsTheChildRunItsShutdownHooks() throws Exception {
		Path marker = this.dir.resolve("stopped");
		ChildJvm child = start(child(null, "hook:" + marker, "say:READY", "sleep").readyWhen("READY"::equals, TIMEOUT));

		assertThat(child.stop(Duration.ofSeconds(20))).isTrue();

		assertThat(child.isAlive()).isFalse();
		assertThat(marker).hasContent("stopped");
	}

	@Test
	void killEndsTheChildWithoutItsShutdownHooks() throws Exception {
		Path marker = this.dir.resolve("stopped");
		ChildJvm child = start(child(null, "hook:" + marker, "say:READY", "sleep").readyWhen("READY"::equals, TIMEOUT));

		child.kill();

		assertThat(child.isAlive()).isFalse();
		assertThat(ProcessHandle.of(child.pid()).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(marker).doesNotExist();
	}

	@Test
	void logFileIsAppendedAcrossChildren() throws Exception {
		Path log = this.dir.resolve("child.log");
		start(child(log, "say:first")).onExit().get();
		start(child(log, "say:second")).onExit().get();

		assertThat(Files.readAllLines(log)).containsExactly("first", "second");
	}

	@Test
	void commandRunsTheJavaOfThisJvmWithOptionsBeforeTheMainClass() {
		List<String> command = ChildJvm.builder("c")
			.classpath("cp")
			.mainClass("a.Main")
			.jvmOptions("-Xmx32m")
			.args("x", "y")
			.command();

		assertThat(command.get(0)).startsWith(System.getProperty("java.home"));
		assertThat(command).containsSubsequence("-Xmx32m", "-cp", "cp", "a.Main", "x", "y");
		assertThat(ChildJvm.builder("j").jar(Path.of("app.jar")).command()).containsSubsequence("-jar",
				Path.of("app.jar").toAbsolutePath().toString());
	}

	private ChildJvm start(ChildJvm.Builder builder) throws Exception {
		ChildJvm child = builder.start();
		this.started.add(child);
		return child;
	}

	private static ChildJvm.Builder child(Path log, String... steps) {
		return ChildJvm.builder("scripted")
			.classpath(testClasses().toString())
			.mainClass(ScriptedChild.class.getName())
			.jvmOptions("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
			.logFile(log)
			.args(steps);
	}

	private static Path testClasses() {
		try {
			return Path.of(ScriptedChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long pidIn(String message) {
		String afterPid = message.substring(message.indexOf("(pid ") + 5);
		return Long.parseLong(afterPid.substring(0, afterPid.indexOf(')')));
	}

}
