package io.fleetgrid.localstack.postgres;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fleetgrid.localstack.server.InfraServer;
import io.fleetgrid.localstack.server.ServerSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server on a fixed port whose cluster lives in {@code <dataDir>/pgdata} and
 * survives restarts (it is initialised only when it does not exist yet).
 * <p>
 * Options: {@code databases} (comma-separated; each is created if missing, owned by the
 * login role), {@code username} and {@code password} of that role (default
 * {@code fleetgrid}/{@code fleetgrid}), and {@code pg.<setting>=<value>} for any server
 * setting. Zonky runs PostgreSQL as it runs initdb: inside {@code unshare -U} when this
 * process is root.
 * <p>
 * PostgreSQL runs in processes of its own. They stop with this server: on
 * {@link #close()}, and, if this JVM dies without closing (killed, crashed), through a
 * detached watchdog that stops the postmaster once this JVM is gone. A postmaster that an
 * earlier, killed run left behind is stopped at start, and a stale {@code postmaster.pid}
 * removed.
 */
public class PostgresServer implements InfraServer {

	private static final Logger LOGGER = LoggerFactory.getLogger(PostgresServer.class);

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static final String SETTING_PREFIX = "pg.";

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final ServerSettings settings;

	private final Path pgData;

	private final String username;

	private final String password;

	private final List<String> databases;

	private EmbeddedPostgres postgres;

	/**
	 * Creates the server; {@link #start()} starts it.
	 * @param settings port, data directory and options
	 */
	public PostgresServer(ServerSettings settings) {
		this.settings = settings;
		this.pgData = settings.dataDir().resolve("pgdata");
		this.username = identifier(settings.option("username", "fleetgrid"));
		this.password = settings.option("password", "fleetgrid");
		this.databases = Arrays.stream(settings.option("databases", "").split(","))
			.map(String::strip)
			.filter((name) -> !name.isEmpty())
			.map(PostgresServer::identifier)
			.toList();
	}

	@Override
	public Map<String, String> start() throws Exception {
		stopLeftoverPostmaster();
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPort(this.settings.port())
			.setDataDirectory(this.pgData)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("max_connections", "200");
		this.settings.options().forEach((key, value) -> {
			if (key.startsWith(SETTING_PREFIX)) {
				builder.setServerConfig(key.substring(SETTING_PREFIX.length()), value);
			}
		});
		this.postgres = startWithIntactBinaries(builder);
		postmaster().ifPresent(this::watchForOurDeath);
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection()) {
			ensureRole(connection);
			for (String database : this.databases) {
				ensureDatabase(connection, database);
			}
		}
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("host", "localhost");
		properties.put("port", Integer.toString(this.settings.port()));
		properties.put("username", this.username);
		properties.put("password", this.password);
		properties.put("jdbcUrlPrefix", "jdbc:postgresql://localhost:" + this.settings.port() + "/");
		return properties;
	}

	/**
	 * Starts PostgreSQL. Zonky extracts the binaries once per machine; an extraction that
	 * was cut short (killed, out of memory) leaves a directory without its
	 * {@code .exists} marker that makes every later extraction fail. Such directories are
	 * removed, under zonky's own lock, and the start is tried once more.
	 */
	private static EmbeddedPostgres startWithIntactBinaries(EmbeddedPostgres.Builder builder) throws IOException {
		try {
			return builder.start();
		}
		catch (IOException | RuntimeException | ExceptionInInitializerError ex) {
			if (!removeIncompleteBinaries()) {
				throw ex;
			}
			LOGGER.warn("Removed incompletely extracted PostgreSQL binaries; trying again", ex);
			return builder.start();
		}
	}

	private static boolean removeIncompleteBinaries() throws IOException {
		Path workingDir = Path.of(System.getProperty("ot.epg.working-dir",
				Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
		if (!Files.isDirectory(workingDir)) {
			return false;
		}
		boolean removed = false;
		try (DirectoryStream<Path> dirs = Files.newDirectoryStream(workingDir, "PG-*")) {
			for (Path dir : dirs) {
				if (Files.exists(dir.resolve(".exists"))) {
					continue;
				}
				try (FileChannel lockFile = FileChannel.open(dir.resolve("epg-lock"), StandardOpenOption.CREATE,
						StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
					if (lock != null) {
						deleteContentsExceptLock(dir);
						removed = true;
					}
				}
			}
		}
		return removed;
	}

	private static void deleteContentsExceptLock(Path dir) throws IOException {
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(dir)) {
			paths = walk.sorted(Comparator.reverseOrder())
				.filter((path) -> !path.equals(dir) && !path.getFileName().toString().equals("epg-lock"))
				.toList();
		}
		for (Path path : paths) {
			Files.deleteIfExists(path);
		}
	}

	@Override
	public void close() {
		if (this.postgres == null) {
			return;
		}
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			LOGGER.warn("PostgreSQL did not stop cleanly; stopping its postmaster", ex);
			postmaster().ifPresent(this::stopPostmaster);
		}
	}

	private void ensureRole(Connection connection) throws SQLException {
		boolean exists;
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
			query.setString(1, this.username);
			try (ResultSet result = query.executeQuery()) {
				exists = result.next();
			}
		}
		try (Statement statement = connection.createStatement()) {
			String verb = exists ? "ALTER" : "CREATE";
			statement
				.execute(verb + " ROLE " + this.username + " WITH LOGIN CREATEDB PASSWORD " + literal(this.password));
		}
	}

	private void ensureDatabase(Connection connection, String database) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			query.setString(1, database);
			try (ResultSet result = query.executeQuery()) {
				if (result.next()) {
					return;
				}
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database + " OWNER " + this.username);
		}
		LOGGER.info("Created database {}", database);
	}

	/**
	 * A postmaster recorded in {@code postmaster.pid} that still runs belongs to an
	 * earlier run of this server that was killed before it could stop it: stop it. A
	 * record without a running postmaster is stale: remove it.
	 */
	private void stopLeftoverPostmaster() throws IOException {
		Path pidFile = this.pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> leftover = postmaster();
		if (leftover.isPresent()) {
			LOGGER.warn("A postmaster of an earlier run (pid {}) is still running; stopping it", leftover.get().pid());
			stopPostmaster(leftover.get());
		}
		if (Files.deleteIfExists(pidFile)) {
			LOGGER.info("Removed a stale {}", pidFile);
		}
	}

	/** The running postmaster of {@link #pgData}, if any. */
	private Optional<ProcessHandle> postmaster() {
		Path pidFile = this.pgData.resolve("postmaster.pid");
		List<String> lines;
		try {
			lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		if (lines.isEmpty() || lines.get(0).isBlank()) {
			return Optional.empty();
		}
		long pid = Long.parseLong(lines.get(0).strip());
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter((process) -> postgresBinary(process).isPresent());
	}

	private void stopPostmaster(ProcessHandle postmaster) {
		Optional<Path> pgCtl = postgresBinary(postmaster).map((binary) -> binary.resolveSibling("pg_ctl"));
		if (pgCtl.isPresent()) {
			List<String> command = new ArrayList<>(unsharePrefix());
			command.addAll(List.of(pgCtl.get().toString(), "-D", this.pgData.toString(), "-m", "fast", "-w", "-t",
					Long.toString(STOP_TIMEOUT.toSeconds()), "stop"));
			try {
				Process stop = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				stop.waitFor(STOP_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
			}
			catch (IOException ex) {
				LOGGER.warn("Cannot run {}", command, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		// pg_ctl may return early, for example when another stop (the crash watchdog's)
		// is already in progress:
		// wait for the postmaster itself to finish its shutdown before resorting to
		// force.
		postmaster.onExit().completeOnTimeout(postmaster, STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
		if (postmaster.isAlive()) {
			// Kill the whole tree: backends that outlive a killed postmaster keep its
			// shared memory attached, and
			// the next start of the server would then refuse to run.
			LOGGER.warn("Killing postmaster {} and its processes", postmaster.pid());
			List<ProcessHandle> tree = new ArrayList<>(postmaster.descendants().toList());
			tree.add(postmaster);
			tree.forEach(ProcessHandle::destroyForcibly);
			tree.forEach((process) -> process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).join());
		}
	}

	/**
	 * Starts a detached shell (not a child of this JVM, so that killing this JVM and its
	 * children does not kill it) that waits until this JVM has exited and then asks this
	 * JVM's own postmaster for a fast shutdown (SIGINT). It signals that one process
	 * only, and only while its command line still names this data directory: a server
	 * restarted on the same data directory in the meantime has a new postmaster, which
	 * must not be stopped. After a clean {@link #close()} the postmaster is gone and
	 * nothing happens.
	 */
	private void watchForOurDeath(ProcessHandle postmaster) {
		String script = "(while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
				+ "grep -qF -- \"$3\" \"/proc/$2/cmdline\" 2>/dev/null && kill -INT \"$2\") "
				+ "</dev/null >/dev/null 2>&1 &";
		List<String> command = List.of("/bin/sh", "-c", script, "postgres-watchdog",
				Long.toString(ProcessHandle.current().pid()), Long.toString(postmaster.pid()), this.pgData.toString());
		try {
			Process launcher = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			launcher.waitFor(10, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			LOGGER.warn("Cannot start the postmaster watchdog; PostgreSQL will outlive a crash of this JVM", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Optional<Path> postgresBinary(ProcessHandle process) {
		ProcessHandle.Info info = process.info();
		Optional<String> command = info.command().or(() -> info.commandLine().map((line) -> line.split(" ", 2)[0]));
		return command.map(Path::of).filter((path) -> path.getFileName().toString().equals("postgres"));
	}

	private static List<String> unsharePrefix() {
		return LinuxUtils.isUnshareAvailable() ? List.of("unshare", "-U") : List.of();
	}

	private static String identifier(String name) {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"PostgreSQL names here are lower-case letters, digits and '_' (at most 63): '" + name + "'");
		}
		return name;
	}

	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
