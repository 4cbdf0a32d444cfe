package io.fleetgrid.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import io.fleetgrid.localstack.process.ChildJvm;
import io.fleetgrid.localstack.process.ReadyLine;
import io.fleetgrid.localstack.server.InfraServer;
import io.fleetgrid.localstack.server.InfraServerFactory;
import io.fleetgrid.localstack.server.ServerSettings;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of a server process:
 * {@code ServerMain <kind> <port> <dataDir> [key=value ...]}. Starts the server of that
 * kind, prints one {@link ReadyLine ready line} with its connection properties to
 * standard output, and runs until it is terminated (the server is closed by a shutdown
 * hook) or until the parent process named by {@value ChildJvm#PARENT_PID_ENV} exits.
 */
public final class ServerMain {

	private static final Logger LOGGER = LoggerFactory.getLogger(ServerMain.class);

	private ServerMain() {
	}

	/**
	 * Runs one server.
	 * @param args kind, port, data directory, then options as {@code key=value}
	 * @throws InterruptedException never in practice: the main thread waits until the JVM
	 * exits
	 */
	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	public static void main(String[] args) throws InterruptedException {
		if (args.length < 3) {
			System.err.println("usage: ServerMain <kind> <port> <dataDir> [key=value ...]");
			System.exit(2);
		}
		String kind = args[0];
		ServerSettings settings = new ServerSettings(Integer.parseInt(args[1]), Path.of(args[2]).toAbsolutePath(),
				options(List.of(args).subList(3, args.length)));
		Optional<InfraServerFactory> factory = factory(kind);
		if (factory.isEmpty()) {
			System.err.println("unknown server kind '" + kind + "'; known kinds: " + kinds());
			System.exit(2);
		}
		InfraServer server;
		try {
			Files.createDirectories(settings.dataDir());
			server = factory.get().create(settings);
		}
		catch (Exception ex) {
			LOGGER.error("Cannot create the {} server", kind, ex);
			System.exit(1);
			return;
		}
		AtomicBoolean closed = new AtomicBoolean();
		Runnable close = () -> {
			if (closed.compareAndSet(false, true)) {
				LOGGER.info("Stopping the {} server", kind);
				server.close();
				LOGGER.info("Stopped the {} server", kind);
			}
			LogManager.shutdown();
		};
		Runtime.getRuntime().addShutdownHook(new Thread(close, "stop-" + kind));
		exitWithParent(kind);
		long started = System.nanoTime();
		Map<String, String> properties;
		try {
			properties = server.start();
		}
		catch (Exception ex) {
			LOGGER.error("The {} server failed to start", kind, ex);
			System.exit(1);
			return;
		}
		LOGGER.info("The {} server started in {} ms: {}", kind, (System.nanoTime() - started) / 1_000_000, properties);
		System.out.println(ReadyLine.format(properties));
		System.out.flush();
		new CountDownLatch(1).await();
	}

	static Map<String, String> options(List<String> arguments) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException("options are key=value, not '" + argument + "'");
			}
			options.put(argument.substring(0, equals), argument.substring(equals + 1));
		}
		return options;
	}

	static Optional<InfraServerFactory> factory(String kind) {
		return ServiceLoader.load(InfraServerFactory.class)
			.stream()
			.map(ServiceLoader.Provider::get)
			.filter((candidate) -> candidate.kind().equals(kind))
			.findFirst();
	}

	static List<String> kinds() {
		return ServiceLoader.load(InfraServerFactory.class)
			.stream()
			.map(ServiceLoader.Provider::get)
			.map(InfraServerFactory::kind)
			.sorted()
			.toList();
	}

	private static void exitWithParent(String kind) {
		String parentPid = System.getenv(ChildJvm.PARENT_PID_ENV);
		if (parentPid == null || parentPid.isBlank()) {
			return;
		}
		Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(parentPid.strip()));
		if (parent.isEmpty()) {
			LOGGER.warn("Parent process {} is gone; exiting", parentPid);
			System.exit(0);
		}
		parent.get().onExit().thenRun(() -> {
			LOGGER.warn("Parent process {} exited; stopping the {} server", parentPid, kind);
			System.exit(0);
		});
	}

}
