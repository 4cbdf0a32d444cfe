package io.fleetgrid.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fleetgrid.localstack.process.ChildJvmStartException;
import io.fleetgrid.localstack.process.FreePorts;
import io.fleetgrid.localstack.process.InfraNode;

/**
 * The infrastructure servers of this test JVM. Each {@link Server} is started at most
 * once, on a free port, with its data under one temporary directory, and stopped (and its
 * data deleted) when the JVM exits. {@link RealInfra} starts servers through this class;
 * tests use it to reach a server's {@link InfraNode}, for example to stop, kill or
 * restart it:
 *
 * <pre class="code">
 * Infra.kafka().restart();
 * </pre>
 *
 * Server logs go to {@code target/infra-logs/<kind>.log} when the working directory has a
 * {@code target} directory (as under Maven), else next to the data.
 */
public final class Infra {

	/** How long a server may take to start on a busy machine. */
	public static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static final Map<Server, InfraNode> NODES = new EnumMap<>(Server.class);

	private static final List<InfraNode> START_ORDER = new ArrayList<>();

	private static final Set<String> DATABASES = new HashSet<>();

	private static Path root;

	private Infra() {
	}

	/**
	 * The Kafka broker, started if it is not running yet.
	 * @return its node
	 */
	public static InfraNode kafka() {
		return node(Server.KAFKA);
	}

	/**
	 * The PostgreSQL server, started if it is not running yet.
	 * @return its node
	 */
	public static InfraNode postgres() {
		return node(Server.POSTGRES);
	}

	/**
	 * A server, started if it is not running yet.
	 * @param server the server
	 * @return its node
	 */
	public static synchronized InfraNode node(Server server) {
		try {
			return start(server, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The JDBC URL of a PostgreSQL database, created if it does not exist.
	 * @param database the database name
	 * @return the URL
	 */
	public static synchronized String jdbcUrl(String database) {
		try {
			start(Server.POSTGRES, database);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return postgres().property("jdbcUrlPrefix") + database;
	}

	/**
	 * Starts a server unless it runs already, and publishes its Spring Boot properties as
	 * System properties.
	 * @param server the server
	 * @param database for {@link Server#POSTGRES}: the database that
	 * {@code spring.datasource.url} points at, created if missing; {@code null} to leave
	 * the published URL as it is
	 * @return its node
	 * @throws IOException if it cannot be started
	 */
	static synchronized InfraNode start(Server server, String database) throws IOException {
		if (database != null && !DATABASE_NAME.matcher(database).matches()) {
			throw new IllegalArgumentException(
					"database names are lower-case letters, digits and '_' (at most 63): '" + database + "'");
		}
		InfraNode node = NODES.get(server);
		if (node == null) {
			node = launch(server, database);
			NODES.put(server, node);
			START_ORDER.add(node);
			if (server == Server.POSTGRES && database != null) {
				DATABASES.add(database);
			}
			publish(server, node, (database != null) ? database : "fleetgrid");
		}
		else if (server == Server.POSTGRES && database != null) {
			if (DATABASES.add(database)) {
				createDatabase(node, database);
			}
			publish(server, node, database);
		}
		return node;
	}

	private static InfraNode launch(Server server, String database) throws IOException {
		Path dataDir = root().resolve(server.kind());
		InfraNode.Builder builder = InfraNode.builder(server.kind())
			.port(FreePorts.find())
			.dataDir(dataDir)
			.logFile(logDir().resolve(server.kind() + ".log"))
			.startTimeout(START_TIMEOUT);
		if (server == Server.POSTGRES && database != null) {
			builder.option("databases", database);
		}
		// The servers run small and quick to start (C1 only, serial GC); a benchmark can
		// give one the JVM it has in production instead.
		String jvmOptions = System.getProperty("fleetgrid.infra." + server.kind() + ".jvm-options", "").trim();
		if (!jvmOptions.isEmpty()) {
			builder.jvmOptions(List.of(jvmOptions.split("\\s+")));
		}
		long started = System.nanoTime();
		try {
			InfraNode node = builder.start();
			System.getLogger(Infra.class.getName())
				.log(System.Logger.Level.INFO, "Started {0} in {1} ms on port {2}, log {3}", server.kind(),
						Long.toString((System.nanoTime() - started) / 1_000_000), Integer.toString(node.port()),
						node.logFile());
			return node;
		}
		catch (ChildJvmStartException ex) {
			if (ex.lastLines().stream().anyMatch((line) -> line.contains("unknown server kind"))) {
				throw new IllegalStateException("The local stack has no '" + server.kind() + "' server: "
						+ ex.lastLines().get(ex.lastLines().size() - 1), ex);
			}
			throw ex;
		}
	}

	private static void publish(Server server, InfraNode node, String database) {
		server.springProperties(node.properties(), database).forEach(System::setProperty);
	}

	private static void createDatabase(InfraNode postgres, String database) {
		String url = postgres.property("jdbcUrlPrefix") + "postgres";
		try (Connection connection = DriverManager.getConnection(url, postgres.property("username"),
				postgres.property("password"))) {
			try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
				query.setString(1, database);
				try (ResultSet result = query.executeQuery()) {
					if (result.next()) {
						return;
					}
				}
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + database);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database '" + database + "' in the running PostgreSQL ("
					+ url + "); creating databases after the first needs the PostgreSQL JDBC driver on the test "
					+ "classpath", ex);
		}
	}

	private static Path root() throws IOException {
		if (root == null) {
			root = Files.createTempDirectory("fleetgrid-infra-");
			Runtime.getRuntime().addShutdownHook(new Thread(Infra::stopAll, "fleetgrid-infra-stop"));
		}
		return root;
	}

	private static Path logDir() throws IOException {
		Path target = Path.of(System.getProperty("user.dir"), "target");
		return Files.isDirectory(target) ? target.resolve("infra-logs") : root();
	}

	private static void stopAll() {
		List<InfraNode> nodes;
		synchronized (Infra.class) {
			nodes = new ArrayList<>(START_ORDER);
		}
		Collections.reverse(nodes);
		nodes.forEach(InfraNode::stop);
		deleteRecursively(root);
	}

	private static void deleteRecursively(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Leave a temporary directory behind rather than fail the JVM's exit.
		}
	}

}
