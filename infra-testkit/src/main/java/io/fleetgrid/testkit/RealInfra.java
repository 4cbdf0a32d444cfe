package io.fleetgrid.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against real infrastructure servers: each server is started once
 * per test JVM, in a child process, on a free port, with a temporary data directory,
 * before any Spring context of the class loads, and is published as the System properties
 * Spring Boot reads ({@link Server#springProperties}). The servers stop when the test JVM
 * exits. {@link Infra} gives access to them, for example to restart one.
 *
 * <pre class="code">
 * &#64;RealInfra(servers = { Server.KAFKA, Server.POSTGRES }, database = "device")
 * &#64;SpringBootTest
 * class DeviceRegistryIntegrationTests { ... }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealInfraExtension.class)
public @interface RealInfra {

	/**
	 * The servers the tests need.
	 * @return the servers
	 */
	Server[] servers();

	/**
	 * The PostgreSQL database that {@code spring.datasource.url} points at; created if
	 * missing.
	 * @return the database name (lower-case letters, digits, '_')
	 */
	String database() default "fleetgrid";

}
