package io.fleetgrid.localstack.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fleetgrid.localstack.process.ChildJvm;

/**
 * Start-up cache of one service: its executable jar extracted into Spring Boot's
 * AOT-friendly layout (application jar plus {@code lib/}), and a JDK AOT cache (JEP
 * 483/514) recorded by a training run that exits right after the application context has
 * refreshed. A service started with the cache loads and links its classes from it, which
 * cuts its start-up CPU time by more than half; the JVM ignores a cache that does not
 * match the class path, so a stale cache never breaks a start. The cache is rebuilt
 * whenever the service jar changes.
 */
final class StartupCache {

	private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);

	private final Path dir;

	private final ServiceSpec service;

	private final Path sourceJar;

	StartupCache(Path cacheRoot, ServiceSpec service, Path sourceJar) {
		this.dir = cacheRoot.resolve(service.name());
		this.service = service;
		this.sourceJar = sourceJar;
	}

	/**
	 * The jar to run: the extracted application jar, re-extracted first when the service
	 * jar changed.
	 * @return the jar path
	 * @throws IOException if extraction fails
	 * @throws InterruptedException if interrupted
	 */
	Path prepareJar() throws IOException, InterruptedException {
		Path stamp = this.dir.resolve(".source");
		Path jar = this.dir.resolve(this.sourceJar.getFileName());
		// Keyed by content, not time: the build is reproducible, so an unchanged module
		// keeps its cache even when it
		// was rebuilt. The content hash is only computed when size or modification time
		// changed.
		String sizeAndTime = Files.size(this.sourceJar) + " " + Files.getLastModifiedTime(this.sourceJar).toMillis();
		List<String> stamped = Files.exists(stamp) ? Files.readAllLines(stamp) : List.of();
		if (Files.isRegularFile(jar) && stamped.size() == 2) {
			if (stamped.get(0).equals(sizeAndTime)) {
				return jar;
			}
			if (stamped.get(1).equals(sha256(this.sourceJar))) {
				Files.write(stamp, List.of(sizeAndTime, stamped.get(1)));
				return jar;
			}
		}
		Directories.deleteRecursively(this.dir);
		Files.createDirectories(this.dir.getParent());
		Process extract = new ProcessBuilder(javaLauncher(), "-Djarmode=tools", "-jar", this.sourceJar.toString(),
				"extract", "--destination", this.dir.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0 || !Files.isRegularFile(jar)) {
			extract.destroyForcibly();
			throw new IOException("could not extract " + this.sourceJar);
		}
		Files.write(stamp, List.of(sizeAndTime, sha256(this.sourceJar)));
		return jar;
	}

	/**
	 * The AOT cache file.
	 * @return its path (it may not exist)
	 */
	Path cacheFile() {
		return this.dir.resolve("app.aot");
	}

	boolean isTrained() {
		return Files.isRegularFile(cacheFile());
	}

	/**
	 * Records the AOT cache with a training run of the service: it starts against the
	 * running infrastructure on a random port, without registering in Eureka, and exits
	 * once its application context has refreshed.
	 * @param env environment of the service
	 * @param logFile the training run's log
	 * @throws IOException if the training run fails
	 * @throws InterruptedException if interrupted
	 */
	void train(Map<String, String> env, Path logFile) throws IOException, InterruptedException {
		Path jar = prepareJar();
		List<String> options = new ArrayList<>(this.service.jvmOptions());
		options.add("-XX:AOTCacheOutput=" + cacheFile());
		options.add("-Dspring.context.exit=onRefresh");
		ChildJvm.Builder builder = ChildJvm.builder(this.service.name() + "-training")
			.jar(jar)
			.jvmOptions(options)
			.args("--server.port=0", "--eureka.client.register-with-eureka=false",
					"--eureka.client.fetch-registry=false")
			.env("SPRING_PROFILES_ACTIVE", "local")
			.workingDir(this.dir)
			.logFile(logFile);
		env.forEach(builder::env);
		ChildJvm child = builder.start();
		try {
			child.onExit().get(TRAINING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			child.kill();
			throw new IOException("training run of " + this.service.name() + " did not finish", ex);
		}
		if (child.exitValue() != 0 || !isTrained()) {
			Files.deleteIfExists(cacheFile());
			throw new IOException("training run of " + this.service.name() + " failed (exit " + child.exitValue()
					+ "); see " + logFile);
		}
	}

	/**
	 * JVM options that use the cache when there is one.
	 * @return the options, empty without a cache
	 */
	List<String> jvmOptions() {
		return isTrained() ? List.of("-XX:AOTCache=" + cacheFile()) : List.of();
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private static String javaLauncher() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
