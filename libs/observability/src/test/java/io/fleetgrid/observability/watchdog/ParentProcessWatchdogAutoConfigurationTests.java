package io.fleetgrid.observability.watchdog;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ParentProcessWatchdogAutoConfigurationTests {

	private static final BlockingQueue<Long> EXITS = new ArrayBlockingQueue<>(4);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ParentProcessWatchdogAutoConfiguration.class));

	private Process parent;

	@AfterEach
	void killParent() {
		if (this.parent != null) {
			this.parent.destroyForcibly();
		}
		EXITS.clear();
	}

	@Test
	void noWatchdogWithoutParentPid() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ParentProcessWatchdog.class));
	}

	@Test
	void noWatchdogWhenTheVariableIsEmpty() {
		this.runner.withPropertyValues("fleetgrid.parent.pid=")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ParentProcessWatchdog.class));
	}

	@Test
	void watchesTheProcessNamedByTheLauncherEnvironmentVariable() throws Exception {
		this.parent = ParentProcessWatchdogTests.startParent();
		this.runner.withUserConfiguration(RecordingExitAction.class)
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addFirst(new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("FLEETGRID_PARENT_PID", String.valueOf(this.parent.pid())))))
			.run((context) -> {
				assertThat(context.getBean(ParentProcessWatchdog.class).parentPid()).isEqualTo(this.parent.pid());
				assertThat(EXITS).isEmpty();

				this.parent.destroy();

				assertThat(EXITS.poll(10, TimeUnit.SECONDS)).isEqualTo(this.parent.pid());
			});
	}

	@Test
	void shutsTheServiceDownByDefault() throws Exception {
		this.parent = ParentProcessWatchdogTests.startParent();
		this.runner.withPropertyValues("fleetgrid.parent.pid=" + this.parent.pid())
			.run((context) -> assertThat(context).getBean(ParentExitAction.class)
				.isInstanceOf(ShutdownOnParentExit.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingExitAction {

		@Bean
		ParentExitAction recordingExitAction() {
			return EXITS::add;
		}

	}

}
