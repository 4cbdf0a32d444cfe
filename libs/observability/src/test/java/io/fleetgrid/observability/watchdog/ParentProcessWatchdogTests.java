package io.fleetgrid.observability.watchdog;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ParentProcessWatchdogTests {

	private final BlockingQueue<Long> exits = new ArrayBlockingQueue<>(4);

	private Process parent;

	@AfterEach
	void killParent() {
		if (this.parent != null) {
			this.parent.destroyForcibly();
		}
	}

	@Test
	void runsActionWhenParentProcessExits() throws Exception {
		this.parent = startParent();
		ParentProcessWatchdog watchdog = new ParentProcessWatchdog(this.parent.pid(), this.exits::add);
		watchdog.start();
		assertThat(this.exits).as("parent still alive").isEmpty();

		this.parent.destroy();

		assertThat(this.exits.poll(10, TimeUnit.SECONDS)).isEqualTo(this.parent.pid());
	}

	@Test
	void runsActionImmediatelyWhenParentIsAlreadyGone() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		ParentProcessWatchdog watchdog = new ParentProcessWatchdog(gone.pid(), this.exits::add);

		watchdog.start();

		assertThat(this.exits).containsExactly(gone.pid());
	}

	@Test
	void runsActionOnlyOnceWhenStartedTwice() throws Exception {
		this.parent = startParent();
		ParentProcessWatchdog watchdog = new ParentProcessWatchdog(this.parent.pid(), this.exits::add);
		watchdog.start();
		watchdog.start();

		this.parent.destroy();

		assertThat(this.exits.poll(10, TimeUnit.SECONDS)).isEqualTo(this.parent.pid());
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(this.exits).isEmpty());
	}

	@Test
	void doesNotRunActionOnceDestroyed() throws Exception {
		this.parent = startParent();
		ParentProcessWatchdog watchdog = new ParentProcessWatchdog(this.parent.pid(), this.exits::add);
		watchdog.start();

		watchdog.destroy();
		this.parent.destroy();
		this.parent.onExit().get(10, TimeUnit.SECONDS);

		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(this.exits).isEmpty());
	}

	static Process startParent() throws IOException {
		return new ProcessBuilder("sleep", "60").start();
	}

}
