package io.fleetgrid.observability.watchdog;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownOnParentExitTests {

	@Test
	void closesTheContextThenExitsTheJvmWithItsExitCode() throws Exception {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(ExitCode.class);
		CompletableFuture<Integer> exitCode = new CompletableFuture<>();
		CompletableFuture<Boolean> activeAtExit = new CompletableFuture<>();
		ShutdownOnParentExit action = new ShutdownOnParentExit(context, (code) -> {
			activeAtExit.complete(context.isActive());
			exitCode.complete(code);
		});

		action.parentExited(42);

		assertThat(exitCode.get(10, TimeUnit.SECONDS)).isEqualTo(3);
		assertThat(activeAtExit.get()).as("context still active when the JVM exits").isFalse();
	}

	@Configuration(proxyBeanMethods = false)
	static class ExitCode {

		@Bean
		ExitCodeGenerator exitCodeGenerator() {
			return () -> 3;
		}

	}

}
