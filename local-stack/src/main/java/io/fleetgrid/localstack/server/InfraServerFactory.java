package io.fleetgrid.localstack.server;

/**
 * Creates one kind of {@link InfraServer}; implementations are registered with
 * {@link java.util.ServiceLoader} in {@code META-INF/services}.
 */
public interface InfraServerFactory {

	/**
	 * The kind of server, as used on the command line of the server process
	 * ({@code kafka}, {@code postgres}, {@code mqtt}, {@code search}, {@code smtp}).
	 * @return the kind
	 */
	String kind();

	/**
	 * Creates (but does not start) a server.
	 * @param settings port, data directory and options
	 * @return the server
	 */
	InfraServer create(ServerSettings settings);

}
