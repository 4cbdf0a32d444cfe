package io.fleetgrid.localstack.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * One FleetGrid service as the launcher starts it.
 *
 * @param name the Spring application name, as registered in Eureka
 * @param port its HTTP port (API.md "Local ports")
 * @param heapMb maximum heap in MiB
 */
record ServiceSpec(String name, int port, int heapMb) {

	/** Discovery server, started before every other service. */
	static final ServiceSpec DISCOVERY = new ServiceSpec("discovery-server", 8761, 96);

	/** The services started once discovery is up, in start order. */
	static final List<ServiceSpec> SERVICES = List.of(new ServiceSpec("auth-service", 9000, 128),
			new ServiceSpec("device-service", 8081, 128), new ServiceSpec("ingest-service", 8082, 128),
			new ServiceSpec("stream-processor", 8083, 160), new ServiceSpec("notification-service", 8084, 128),
			new ServiceSpec("log-service", 8085, 128), new ServiceSpec("api-gateway", 8080, 128));

	/**
	 * The service's executable jar, built by {@code ./mvnw package}.
	 * @param root repository root
	 * @return the jar path
	 */
	Path jar(Path root) {
		return root.resolve(this.name).resolve("target").resolve(this.name + "-0.1.0-SNAPSHOT.jar");
	}

	/**
	 * JVM options that keep a service small and quick to start on a 2-core laptop-class
	 * machine: serial GC, C1 only, bounded heap, metaspace and code cache, and the JDK's
	 * default class-data sharing archive.
	 * @return the options
	 */
	List<String> jvmOptions() {
		return List.of("-Xmx" + this.heapMb + "m", "-Xms24m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=192m", "-XX:CICompilerCount=1",
				"-Djava.security.egd=file:/dev/urandom", "--sun-misc-unsafe-memory-access=allow",
				"--enable-native-access=ALL-UNNAMED");
	}

}
