package io.fleetgrid.localstack.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.fleetgrid.localstack.process.ChildJvm;
import io.fleetgrid.localstack.process.InfraNode;

/**
 * {@code ./fleetgrid start}: starts the real infrastructure servers on the ports of
 * API.md, the discovery server and every service, waits until all are UP in Eureka and a
 * request through the gateway reaches a service, prints the portal URL and the demo
 * logins, and keeps running until Ctrl-C, when it stops everything it started.
 */
@SuppressWarnings("checkstyle:regexpsinglelinejava")
public final class LocalStackLauncher {

	private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration SERVICES_TIMEOUT = Duration.ofSeconds(240);

	private static final List<InfraSpec> INFRA = List.of(
			new InfraSpec("postgres", 15432, Map.of("databases", "auth,device,notification")),
			new InfraSpec("kafka", 9092, Map.of()), new InfraSpec("mqtt", 1883, Map.of()),
			new InfraSpec("search", 9200, Map.of()), new InfraSpec("smtp", 2525, Map.of("apiPort", "8025")));

	private final Path root;

	private final Path home;

	private final long startNanos = System.nanoTime();

	private final List<InfraNode> infra = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, ChildJvm> services = Collections.synchronizedMap(new LinkedHashMap<>());

	private final Map<String, Map<String, String>> infraProperties = Collections.synchronizedMap(new LinkedHashMap<>());

	private final boolean aotCache;

	private LocalStackLauncher(Path root, boolean aotCache) {
		this.root = root;
		this.home = root.resolve(".fleetgrid");
		this.aotCache = aotCache;
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(".").toAbsolutePath().normalize();
		boolean reset = false;
		boolean aotCache = true;
		Deque<String> options = new ArrayDeque<>(List.of(args));
		while (!options.isEmpty()) {
			String option = options.pop();
			switch (option) {
				case "--root" -> root = Path.of(Objects.requireNonNull(options.poll(), "--root needs a directory"))
					.toAbsolutePath()
					.normalize();
				case "--reset" -> reset = true;
				case "--no-aot-cache" -> aotCache = false;
				case "--no-simulator" -> {
					// The simulator is added by the ingest issue; accepted now so scripts
					// can pass it.
				}
				case "--help", "-h" -> {
					System.out
						.println("usage: ./fleetgrid start [--reset] [--rebuild] [--no-aot-cache] [--no-simulator]");
					return;
				}
				default -> throw new IllegalArgumentException("unknown option: " + option + " (try --help)");
			}
		}
		LocalStackLauncher launcher = new LocalStackLauncher(root, aotCache);
		Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll, "fleetgrid-shutdown"));
		try {
			launcher.run(reset);
		}
		catch (LaunchException ex) {
			System.err.println();
			System.err.println("FleetGrid did not start: " + ex.getMessage());
			System.exit(1);
		}
		new CountDownLatch(1).await();
	}

	private void run(boolean reset) throws Exception {
		if (reset) {
			Directories.deleteRecursively(this.home.resolve("data"));
			Directories.deleteRecursively(this.home.resolve("logs"));
			System.out.println("Reset: local data removed.");
		}
		Files.createDirectories(this.home.resolve("logs"));
		checkPortsFree();
		BootstrapSecrets secrets = BootstrapSecrets.resolve(this.home.resolve("data").resolve("bootstrap.properties"),
				System.getenv(), ServiceSpec.SERVICES.stream().map(ServiceSpec::name).toList());

		step("Starting infrastructure: " + INFRA.stream().map(InfraSpec::kind).toList());
		try {
			CompletableFuture
				.allOf(INFRA.stream()
					.map((spec) -> CompletableFuture.runAsync(() -> startInfra(spec)))
					.toArray(CompletableFuture[]::new))
				.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof LaunchException launch) ? launch : ex;
		}

		if (this.aotCache) {
			recordStartupCaches(secrets);
		}

		step("Starting " + ServiceSpec.DISCOVERY.name());
		startService(ServiceSpec.DISCOVERY, Map.of());
		awaitHttpOk(ServiceSpec.DISCOVERY, "http://localhost:8761/actuator/health");

		step("Starting services: " + ServiceSpec.SERVICES.stream().map(ServiceSpec::name).toList());
		for (ServiceSpec service : ServiceSpec.SERVICES) {
			startService(service, environmentOf(service, secrets));
		}
		awaitAllUpInEureka();
		awaitHttpOk(null, "http://localhost:8080/v3/api-docs/device-service");
		printReady(secrets);
	}

	private void startInfra(InfraSpec spec) {
		long started = System.nanoTime();
		try {
			InfraNode node = InfraNode.builder(spec.kind())
				.port(spec.port())
				.dataDir(this.home.resolve("data").resolve(spec.kind()))
				.options(spec.options())
				.logFile(this.home.resolve("logs").resolve(spec.kind() + ".log"))
				.startTimeout(INFRA_TIMEOUT)
				.start();
			this.infra.add(node);
			this.infraProperties.put(spec.kind(), node.properties());
			step(String.format(Locale.ROOT, "  %-8s ready on :%d in %.1f s", spec.kind(), spec.port(),
					(System.nanoTime() - started) / 1e9));
		}
		catch (Exception ex) {
			throw new LaunchException("infrastructure server '" + spec.kind() + "' failed: " + ex.getMessage(), ex);
		}
	}

	private StartupCache startupCache(ServiceSpec service) {
		Path jar = service.jar(this.root);
		if (!Files.isRegularFile(jar)) {
			throw new LaunchException(jar + " is missing; run ./fleetgrid start --rebuild");
		}
		return new StartupCache(this.home.resolve("aot"), service, jar);
	}

	/**
	 * Records the AOT cache of every service that has none for its current jar (once per
	 * build), two at a time. A failed training run only costs start-up speed: that
	 * service starts without a cache.
	 */
	private void recordStartupCaches(BootstrapSecrets secrets) throws InterruptedException {
		List<ServiceSpec> untrained = new ArrayList<>();
		for (ServiceSpec service : allServices()) {
			try {
				StartupCache cache = startupCache(service);
				cache.prepareJar();
				if (!cache.isTrained()) {
					untrained.add(service);
				}
			}
			catch (IOException ex) {
				step("  " + service.name() + ": no start-up cache (" + ex.getMessage() + ")");
			}
		}
		if (untrained.isEmpty()) {
			return;
		}
		step("Recording start-up caches (once per build) for " + untrained.stream().map(ServiceSpec::name).toList());
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (ServiceSpec service : untrained) {
				runs.add(pool.submit(() -> {
					long started = System.nanoTime();
					try {
						startupCache(service).train(environmentOf(service, secrets),
								this.home.resolve("logs").resolve(service.name() + "-training.log"));
						step(String.format(Locale.ROOT, "  %s cached in %.1f s", service.name(),
								(System.nanoTime() - started) / 1e9));
					}
					catch (IOException ex) {
						step("  " + service.name() + ": start-up cache not recorded: " + ex.getMessage());
					}
					return null;
				}));
			}
			for (Future<?> run : runs) {
				try {
					run.get();
				}
				catch (ExecutionException ex) {
					step("  start-up cache: " + ex.getCause());
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static List<ServiceSpec> allServices() {
		List<ServiceSpec> all = new ArrayList<>();
		all.add(ServiceSpec.DISCOVERY);
		all.addAll(ServiceSpec.SERVICES);
		return all;
	}

	private static Map<String, String> environmentOf(ServiceSpec service, BootstrapSecrets secrets) {
		return secrets.environmentFor(service.name());
	}

	private void startService(ServiceSpec service, Map<String, String> env) {
		StartupCache cache = startupCache(service);
		try {
			List<String> jvmOptions = new ArrayList<>(service.jvmOptions());
			Path jar = service.jar(this.root);
			if (this.aotCache) {
				jar = cache.prepareJar();
				jvmOptions.addAll(cache.jvmOptions());
			}
			ChildJvm.Builder builder = ChildJvm.builder(service.name())
				.jar(jar)
				.jvmOptions(jvmOptions)
				.env("SPRING_PROFILES_ACTIVE", "local")
				.workingDir(this.root)
				.logFile(this.home.resolve("logs").resolve(service.name() + ".log"));
			env.forEach(builder::env);
			ChildJvm child = builder.start();
			this.services.put(service.name(), child);
		}
		catch (IOException ex) {
			throw new LaunchException("could not start " + service.name() + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchException("interrupted while starting " + service.name(), ex);
		}
	}

	private void awaitAllUpInEureka() throws InterruptedException {
		EurekaRegistry registry = new EurekaRegistry(ServiceSpec.DISCOVERY.port());
		Set<String> expected = new TreeSet<>(ServiceSpec.SERVICES.stream().map(ServiceSpec::name).toList());
		long deadline = System.nanoTime() + SERVICES_TIMEOUT.toNanos();
		Set<String> lastUp = Set.of();
		while (true) {
			checkChildrenAlive();
			Set<String> up = registry.upApplications();
			up.retainAll(expected);
			if (!up.equals(lastUp)) {
				Set<String> waiting = new TreeSet<>(expected);
				waiting.removeAll(up);
				step(String.format(Locale.ROOT, "  UP in Eureka %d/%d%s", up.size(), expected.size(),
						waiting.isEmpty() ? "" : ", waiting for " + waiting));
				lastUp = up;
			}
			if (up.containsAll(expected)) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new LaunchException("services not UP in Eureka within " + SERVICES_TIMEOUT.toSeconds()
						+ " s; see the logs in " + this.home.resolve("logs"));
			}
			TimeUnit.MILLISECONDS.sleep(500);
		}
	}

	private void awaitHttpOk(ServiceSpec service, String url) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
		long deadline = System.nanoTime() + SERVICES_TIMEOUT.toNanos();
		int lastStatus = -1;
		while (System.nanoTime() < deadline) {
			checkChildrenAlive();
			try {
				lastStatus = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				if (lastStatus == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			TimeUnit.MILLISECONDS.sleep(500);
		}
		throw new LaunchException(url + " did not answer 200 (last status " + lastStatus + ")"
				+ ((service != null) ? "; see " + this.home.resolve("logs").resolve(service.name() + ".log") : ""));
	}

	private void checkChildrenAlive() {
		synchronized (this.services) {
			this.services.forEach((name, child) -> {
				if (!child.isAlive()) {
					throw new LaunchException(
							name + " exited; see " + this.home.resolve("logs").resolve(name + ".log"));
				}
			});
		}
	}

	private void printReady(BootstrapSecrets secrets) {
		double seconds = (System.nanoTime() - this.startNanos) / 1e9;
		String mailApi = this.infraProperties.getOrDefault("smtp", Map.of()).getOrDefault("apiUrl", "-");
		String password = secrets.get(BootstrapSecrets.DEMO_PASSWORD);
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%nFleetGrid is up in %.1f s.%n%n", seconds));
		out.append("  Portal          http://localhost:8080/\n");
		out.append("  API docs        http://localhost:8080/swagger-ui.html\n");
		out.append("  Eureka          http://localhost:8761/\n");
		out.append("  Mail inbox      ").append(mailApi).append('\n');
		out.append("\n  Demo logins (tenant 'demo'), password: ").append(password).append('\n');
		out.append("    admin@demo.local     ADMIN\n");
		out.append("    manager@demo.local   FLEET_MANAGER\n");
		out.append("    user@demo.local      USER\n");
		out.append("\n  Admin API client     ")
			.append(secrets.get(BootstrapSecrets.ADMIN_CLIENT_ID))
			.append(" / ")
			.append(secrets.get(BootstrapSecrets.ADMIN_CLIENT_SECRET))
			.append('\n');
		out.append("  Operator API client  ")
			.append(secrets.get(BootstrapSecrets.OPERATOR_CLIENT_ID))
			.append(" / ")
			.append(secrets.get(BootstrapSecrets.OPERATOR_CLIENT_SECRET))
			.append('\n');
		out.append("  Token endpoint       POST http://localhost:8080/oauth2/token (grant_type=client_credentials)\n");
		out.append("\n  Memory (resident, per process):\n");
		long total = 0;
		for (Map.Entry<String, Long> entry : residentMemory().entrySet()) {
			total += entry.getValue();
			out.append(
					String.format(Locale.ROOT, "    %-22s %6.0f MiB%n", entry.getKey(), entry.getValue() / 1048576.0));
		}
		out.append(String.format(Locale.ROOT, "    %-22s %6.0f MiB%n", "total", total / 1048576.0));
		out.append("\n  Logs in ").append(this.home.resolve("logs")).append(". Press Ctrl-C to stop everything.\n");
		System.out.print(out);
		System.out.flush();
	}

	private Map<String, Long> residentMemory() {
		Map<String, Long> memory = new LinkedHashMap<>();
		memory.put("launcher", ProcessMemory.residentBytes(ProcessHandle.current().pid()));
		synchronized (this.infra) {
			this.infra.stream()
				.sorted(Comparator.comparing(InfraNode::kind))
				.forEach((node) -> memory.put(node.kind(), nodeMemory(node)));
		}
		synchronized (this.services) {
			this.services.forEach((name, child) -> memory.put(name, ProcessMemory.residentBytes(child.pid())));
		}
		return memory;
	}

	private static long nodeMemory(InfraNode node) {
		long own = ProcessHandle.of(node.pid()).map(ProcessMemory::residentBytesWithDescendants).orElse(0L);
		// Servers that detach their own processes (PostgreSQL's postmaster) are found
		// through their data directory;
		// the node's JVM names the data directory too, so it is not added twice.
		long detached = ProcessMemory.residentBytesOfProcessesUsing(node.dataDir());
		return Math.max(own, detached);
	}

	private void stopAll() {
		List<ChildJvm> children;
		synchronized (this.services) {
			children = new ArrayList<>(this.services.values());
		}
		if (!children.isEmpty() || !this.infra.isEmpty()) {
			System.out.println("\nStopping FleetGrid...");
		}
		Collections.reverse(children);
		children.parallelStream().forEach((child) -> child.stop(Duration.ofSeconds(20)));
		List<InfraNode> nodes;
		synchronized (this.infra) {
			nodes = new ArrayList<>(this.infra);
		}
		nodes.parallelStream().forEach(InfraNode::stop);
		if (!children.isEmpty() || !nodes.isEmpty()) {
			System.out.println("Stopped.");
		}
	}

	private static void checkPortsFree() {
		List<Integer> ports = new ArrayList<>();
		INFRA.forEach((spec) -> ports.add(spec.port()));
		INFRA.forEach((spec) -> spec.options()
			.entrySet()
			.stream()
			.filter((option) -> option.getKey().endsWith("Port"))
			.forEach((option) -> ports.add(Integer.parseInt(option.getValue()))));
		ports.add(ServiceSpec.DISCOVERY.port());
		ServiceSpec.SERVICES.forEach((service) -> ports.add(service.port()));
		List<Integer> busy = ports.stream().filter((port) -> !isFree(port)).toList();
		if (!busy.isEmpty()) {
			throw new LaunchException("ports " + busy
					+ " are in use (is FleetGrid already running?); stop whatever holds them and try again");
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("localhost", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void step(String message) {
		System.out.printf(Locale.ROOT, "[%5.1fs] %s%n", (System.nanoTime() - this.startNanos) / 1e9, message);
	}

	private record InfraSpec(String kind, int port, Map<String, String> options) {
	}

	private static final class LaunchException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		LaunchException(String message) {
			super(message);
		}

		LaunchException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
