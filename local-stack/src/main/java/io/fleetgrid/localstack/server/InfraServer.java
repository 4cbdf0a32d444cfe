package io.fleetgrid.localstack.server;

import java.util.Map;

/**
 * One real infrastructure server (Kafka broker, PostgreSQL, MQTT broker, search node,
 * SMTP server) running inside the current JVM, which is a child process started by the
 * launcher or by the test kit.
 */
public interface InfraServer extends AutoCloseable {

	/**
	 * Starts the server and blocks until it accepts connections.
	 * @return how clients reach it, for example
	 * {@code bootstrapServers -> localhost:9092}; printed on the ready line
	 * @throws Exception if the server cannot start
	 */
	Map<String, String> start() throws Exception;

	/**
	 * Stops the server gracefully, keeping its data directory. Failures are logged, not
	 * thrown: a server that is stopping has nothing better to do with them.
	 */
	@Override
	void close();

}
