package io.fleetgrid.stream.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the {@link LoadBenchmark} (the real Kafka broker from infra-testkit).
 * Not a test: the name ends in neither {@code Tests} nor {@code IntegrationTests}, and it
 * is skipped unless {@code -Dbench=true}; see the module README for the command.
 */
@RealInfra(servers = Server.KAFKA)
class RealBrokerLoadBenchmark {

	@Test
	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	void load() throws Exception {
		Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
		((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("org.apache.kafka").setLevel(Level.WARN);
		new LoadBenchmark(System.getProperty("spring.kafka.bootstrap-servers"), System.out).runAll();
	}

}
