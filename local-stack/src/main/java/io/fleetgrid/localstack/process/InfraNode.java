package io.fleetgrid.localstack.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One infrastructure server (Kafka, PostgreSQL, MQTT, search, SMTP) running in its own
 * child JVM ({@code io.fleetgrid.localstack.ServerMain}) with local-stack's classpath.
 * The node knows how to start the same server again on the same port and data directory,
 * which failure tests use through {@link #stop()}, {@link #kill()} and
 * {@link #restart()}.
 *
 * <pre class="code">
 * try (InfraNode kafka = InfraNode.start("kafka", FreePorts.find(), dataDir, Map.of(), Duration.ofSeconds(60))) {
 * 	String bootstrapServers = kafka.property("bootstrapServers");
 * 	...
 * }
 * </pre>
 */
public final class InfraNode implements AutoCloseable {

	/** Main class of the server processes. */
	public static final String SERVER_MAIN = "io.fleetgrid.localstack.ServerMain";

	/**
	 * Options of every server JVM: small (a small initial heap keeps the resident memory
	 * low: about 180 MB for Kafka instead of 230 MB), quick to start, dead on OOM.
	 */
	public static final List<String> COMMON_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Xms16m", "--enable-native-access=ALL-UNNAMED");

	private static final Map<String, String> DEFAULT_MAX_HEAP = Map.of("kafka", "256m", "postgres", "128m", "mqtt",
			"128m", "smtp", "96m", "search", "512m");

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final String kind;

	private final int port;

	private final Path dataDir;

	private final List<String> arguments;

	private final List<String> jvmOptions;

	private final Path logFile;

	private final Duration startTimeout;

	private final Consumer<String> lineListener;

	private ChildJvm child;

	private Map<String, String> properties = Map.of();

	private InfraNode(Builder settings) {
		this.kind = settings.kind;
		this.port = settings.port;
		this.dataDir = settings.dataDir;
		this.arguments = settings.arguments();
		this.jvmOptions = settings.jvmOptions();
		this.logFile = settings.logFile();
		this.startTimeout = settings.startTimeout;
		this.lineListener = settings.lineListener;
	}

	/**
	 * Starts a server with the default JVM options of its kind and waits until it is
	 * ready.
	 * @param kind the kind of server ({@code kafka}, {@code postgres}, {@code mqtt},
	 * {@code smtp}, {@code search})
	 * @param port its main port
	 * @param dataDir its data directory; kept across restarts
	 * @param options server-specific options
	 * @param timeout how long to wait for the ready line
	 * @return the running node
	 * @throws IOException if it cannot be started
	 * @throws ChildJvmStartException if it exits or times out first
	 */
	public static InfraNode start(String kind, int port, Path dataDir, Map<String, String> options, Duration timeout)
			throws IOException {
		return builder(kind).port(port).dataDir(dataDir).options(options).startTimeout(timeout).start();
	}

	/**
	 * Starts describing a node.
	 * @param kind the kind of server
	 * @return a builder
	 */
	public static Builder builder(String kind) {
		return new Builder(kind);
	}

	/**
	 * The default JVM options of a kind of server: {@link #COMMON_JVM_OPTIONS}, a maximum
	 * heap, and on JDK 24+ permission for {@code sun.misc.Unsafe} memory access.
	 * @param kind the kind of server
	 * @return the JVM options
	 */
	public static List<String> defaultJvmOptions(String kind) {
		List<String> options = new ArrayList<>(COMMON_JVM_OPTIONS);
		options.add("-Xmx" + DEFAULT_MAX_HEAP.getOrDefault(kind, "128m"));
		if (Runtime.version().feature() >= 24) {
			// Kafka, Netty and Lucene still use sun.misc.Unsafe; JDK 24+ warns on every
			// start.
			options.add("--sun-misc-unsafe-memory-access=allow");
		}
		return List.copyOf(options);
	}

	/**
	 * The kind of server.
	 * @return the kind
	 */
	public String kind() {
		return this.kind;
	}

	/**
	 * The main port.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The data directory.
	 * @return the data directory
	 */
	public Path dataDir() {
		return this.dataDir;
	}

	/**
	 * The log file that receives the output of the server process (appended across
	 * restarts).
	 * @return the log file
	 */
	public Path logFile() {
		return this.logFile;
	}

	/**
	 * How clients reach the server, as announced on its ready line at the last start.
	 * @return the properties, for example {@code bootstrapServers}
	 */
	public synchronized Map<String, String> properties() {
		return this.properties;
	}

	/**
	 * One property of the ready line.
	 * @param name the property name
	 * @return its value
	 * @throws IllegalStateException if the server did not announce it
	 */
	public String property(String name) {
		String value = properties().get(name);
		if (value == null) {
			throw new IllegalStateException(kind() + " did not announce '" + name + "': " + properties());
		}
		return value;
	}

	/**
	 * The pid of the server process.
	 * @return the pid
	 */
	public synchronized long pid() {
		return this.child.pid();
	}

	/**
	 * Whether the server process is running.
	 * @return {@code true} if it is alive
	 */
	public synchronized boolean isAlive() {
		return this.child != null && this.child.isAlive();
	}

	/**
	 * Stops the server gracefully (it flushes and closes its data), killing it if it does
	 * not exit within 30 seconds. Does nothing if it is not running.
	 */
	public synchronized void stop() {
		if (this.child != null) {
			this.child.stop(STOP_GRACE);
		}
	}

	/**
	 * Kills the server process and everything it started, as a crash would.
	 */
	public synchronized void kill() {
		if (this.child != null) {
			this.child.kill();
		}
	}

	/**
	 * Starts the server again on the same port and data directory, stopping it first if
	 * it is running, and waits until it is ready.
	 * @throws IOException if it cannot be started
	 */
	public synchronized void restart() throws IOException {
		stop();
		launch();
	}

	/**
	 * Stops the server; see {@link #stop()}.
	 */
	@Override
	public void close() {
		stop();
	}

	@Override
	public String toString() {
		return "InfraNode[" + kind() + " on port " + port() + ", " + dataDir() + "]";
	}

	private synchronized void launch() throws IOException {
		ChildJvm started = ChildJvm.builder(kind())
			.classpath(LocalStackClasspath.asString())
			.mainClass(SERVER_MAIN)
			.jvmOptions(this.jvmOptions)
			.args(this.arguments)
			.logFile(this.logFile)
			.onLine(this.lineListener)
			.readyWhen(ReadyLine::isReadyLine, this.startTimeout)
			.start();
		this.child = started;
		this.properties = Map.copyOf(ReadyLine.parse(started.readyLine()));
	}

	/**
	 * Describes a node: kind, port, data directory, options and how its JVM runs.
	 */
	public static final class Builder {

		private final String kind;

		private int port;

		private Path dataDir;

		private final Map<String, String> options = new LinkedHashMap<>();

		private List<String> jvmOptions;

		private Path logFile;

		private Duration startTimeout = Duration.ofSeconds(90);

		private Consumer<String> lineListener;

		private Builder(String kind) {
			this.kind = Objects.requireNonNull(kind, "kind");
		}

		/**
		 * The main port (required).
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * The data directory (required); created if missing and kept across restarts.
		 * @param dataDir the directory
		 * @return this builder
		 */
		public Builder dataDir(Path dataDir) {
			this.dataDir = dataDir.toAbsolutePath();
			return this;
		}

		/**
		 * Adds a server option.
		 * @param key option name
		 * @param value option value
		 * @return this builder
		 */
		public Builder option(String key, String value) {
			this.options.put(key, value);
			return this;
		}

		/**
		 * Adds server options.
		 * @param options option names and values
		 * @return this builder
		 */
		public Builder options(Map<String, String> options) {
			this.options.putAll(options);
			return this;
		}

		/**
		 * Replaces the default JVM options of the kind
		 * ({@link InfraNode#defaultJvmOptions(String)}).
		 * @param jvmOptions the JVM options
		 * @return this builder
		 */
		public Builder jvmOptions(List<String> jvmOptions) {
			this.jvmOptions = List.copyOf(jvmOptions);
			return this;
		}

		/**
		 * The log file; default: {@code <dataDir>.log} next to the data directory.
		 * @param logFile the log file
		 * @return this builder
		 */
		public Builder logFile(Path logFile) {
			this.logFile = logFile;
			return this;
		}

		/**
		 * How long a start may take; default 90 seconds.
		 * @param startTimeout the timeout
		 * @return this builder
		 */
		public Builder startTimeout(Duration startTimeout) {
			this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
			return this;
		}

		/**
		 * Also passes every output line of the server to this listener; see
		 * {@link ChildJvm.Builder#onLine(Consumer)}.
		 * @param listener receives each line
		 * @return this builder
		 */
		public Builder onLine(Consumer<String> listener) {
			this.lineListener = listener;
			return this;
		}

		/**
		 * Starts the server and waits until it is ready.
		 * @return the running node
		 * @throws IOException if it cannot be started
		 * @throws ChildJvmStartException if it exits or times out first
		 */
		public InfraNode start() throws IOException {
			if (this.port <= 0 || this.port > 65535) {
				throw new IllegalStateException(this.kind + ": set a port");
			}
			Objects.requireNonNull(this.dataDir, "dataDir");
			InfraNode node = new InfraNode(this);
			node.launch();
			return node;
		}

		List<String> arguments() {
			List<String> arguments = new ArrayList<>(
					List.of(this.kind, Integer.toString(this.port), this.dataDir.toString()));
			this.options.forEach((key, value) -> arguments.add(key + "=" + value));
			return List.copyOf(arguments);
		}

		List<String> jvmOptions() {
			return (this.jvmOptions != null) ? this.jvmOptions : defaultJvmOptions(this.kind);
		}

		Path logFile() {
			return (this.logFile != null) ? this.logFile
					: this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log");
		}

	}

}
