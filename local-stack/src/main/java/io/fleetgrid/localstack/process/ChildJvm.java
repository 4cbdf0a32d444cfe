package io.fleetgrid.localstack.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A Java child process: started from the {@code java} launcher of the current JVM, its
 * standard output and error merged, appended line by line to a log file and kept as a
 * short tail for error messages. {@link Builder#start()} optionally waits until an output
 * line says the child is ready.
 * <p>
 * The child gets the environment variable {@value #PARENT_PID_ENV} with the pid of this
 * JVM, so that it can exit when its parent dies and no orphan remains.
 *
 * <pre class="code">
 * ChildJvm child = ChildJvm.builder("device-service")
 * 	.jar(Path.of("device-service/target/device-service.jar"))
 * 	.jvmOptions("-Xmx256m")
 * 	.logFile(Path.of("logs/device-service.log"))
 * 	.readyWhen((line) -&gt; line.contains("Started"), Duration.ofSeconds(60))
 * 	.start();
 * ...
 * child.stop(Duration.ofSeconds(10));
 * </pre>
 */
public final class ChildJvm {

	/** Environment variable that carries the pid of the parent JVM to the child. */
	public static final String PARENT_PID_ENV = "FLEETGRID_PARENT_PID";

	/** How many of the last output lines are kept for error messages. */
	public static final int TAIL_LINES = 50;

	private final String name;

	private final Process process;

	private final Path logFile;

	private final Deque<String> tail = new ArrayDeque<>();

	private final CompletableFuture<String> ready = new CompletableFuture<>();

	private final Thread pump;

	private ChildJvm(String name, Process process, Path logFile, Predicate<String> readyWhen,
			Consumer<String> lineListener) {
		this.name = name;
		this.process = process;
		this.logFile = logFile;
		this.pump = Thread.ofPlatform()
			.daemon()
			.name("child-output-" + name)
			.start(() -> pumpOutput(readyWhen, lineListener));
	}

	/**
	 * Starts describing a child JVM.
	 * @param name short name, used in thread names and error messages
	 * @return a builder
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * The name given to the builder.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The operating system process id.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Whether the child is still running.
	 * @return {@code true} while the process is alive
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Completes when the child process has exited.
	 * @return the exit of the process
	 */
	public CompletableFuture<Process> onExit() {
		return this.process.onExit();
	}

	/**
	 * The exit value of the child.
	 * @return the exit value
	 * @throws IllegalThreadStateException if the child is still running
	 */
	public int exitValue() {
		return this.process.exitValue();
	}

	/**
	 * The log file that receives the child's output, or {@code null} if none was set.
	 * @return the log file
	 */
	public Path logFile() {
		return this.logFile;
	}

	/**
	 * The output line that satisfied the ready predicate.
	 * @return the ready line, or {@code null} if there was no predicate or it has not
	 * matched yet
	 */
	public String readyLine() {
		return this.ready.getNow(null);
	}

	/**
	 * The last {@value #TAIL_LINES} lines of output.
	 * @return a copy of the output tail, oldest first
	 */
	public List<String> lastLines() {
		synchronized (this.tail) {
			return List.copyOf(this.tail);
		}
	}

	/**
	 * Stops the child gracefully: asks it to terminate (SIGTERM, so its shutdown hooks
	 * run), waits up to {@code grace}, then kills it. Processes the child started itself
	 * and left behind are killed as well.
	 * @param grace how long to wait for a graceful exit
	 * @return {@code true} if the child exited within the grace period
	 */
	public boolean stop(Duration grace) {
		if (!this.process.isAlive()) {
			drainOutput();
			return true;
		}
		List<ProcessHandle> descendants = this.process.descendants().toList();
		this.process.destroy();
		boolean graceful = waitForExit(grace);
		if (!graceful) {
			this.process.destroyForcibly();
			waitForExit(Duration.ofSeconds(10));
		}
		descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		drainOutput();
		return graceful;
	}

	/**
	 * Kills the child and every process it started, without giving them a chance to clean
	 * up (SIGKILL), as a crash would. Returns when the child has exited.
	 */
	public void kill() {
		List<ProcessHandle> descendants = this.process.descendants().toList();
		this.process.destroyForcibly();
		descendants.forEach(ProcessHandle::destroyForcibly);
		waitForExit(Duration.ofSeconds(30));
		descendants.forEach((handle) -> handle.onExit().completeOnTimeout(handle, 10, TimeUnit.SECONDS).join());
		drainOutput();
	}

	@Override
	public String toString() {
		return "ChildJvm[" + this.name + ", pid " + this.process.pid() + "]";
	}

	private boolean waitForExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !this.process.isAlive();
		}
	}

	private void drainOutput() {
		try {
			this.pump.join(Duration.ofSeconds(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void pumpOutput(Predicate<String> readyWhen, Consumer<String> lineListener) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8)); Writer log = openLog()) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (log != null) {
					log.write(line);
					log.write('\n');
					log.flush();
				}
				remember(line);
				if (lineListener != null) {
					lineListener.accept(line);
				}
				if (readyWhen != null && !this.ready.isDone() && readyWhen.test(line)) {
					this.ready.complete(line);
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			remember("[fleetgrid] reading the output of " + this.name + " failed: " + ex);
		}
		finally {
			this.ready.completeExceptionally(new IllegalStateException("the output of " + this.name + " ended"));
		}
	}

	private Writer openLog() throws IOException {
		if (this.logFile == null) {
			return null;
		}
		Path parent = this.logFile.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		return Files.newBufferedWriter(this.logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

	private void remember(String line) {
		synchronized (this.tail) {
			if (this.tail.size() == TAIL_LINES) {
				this.tail.removeFirst();
			}
			this.tail.addLast(line);
		}
	}

	private void awaitReady(Duration timeout) throws ChildJvmStartException {
		try {
			this.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			kill();
			throw failure("was not ready within " + timeout.toSeconds() + " s");
		}
		catch (ExecutionException ex) {
			waitForExit(Duration.ofSeconds(10));
			String exit = this.process.isAlive() ? "closed its output" : "exited with " + this.process.exitValue();
			kill();
			throw failure(exit + " before it was ready");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
			throw failure("was interrupted while starting");
		}
	}

	private ChildJvmStartException failure(String what) {
		List<String> lines = lastLines();
		StringBuilder message = new StringBuilder(this.name).append(" (pid ")
			.append(this.process.pid())
			.append(") ")
			.append(what);
		if (this.logFile != null) {
			message.append("; log: ").append(this.logFile.toAbsolutePath());
		}
		message.append("; last ").append(lines.size()).append(" lines of output:");
		lines.forEach((line) -> message.append(System.lineSeparator()).append("  | ").append(line));
		return new ChildJvmStartException(message.toString(), lines);
	}

	/**
	 * Describes a child JVM: what to run, how, and when it counts as ready.
	 */
	public static final class Builder {

		private final String name;

		private String classpath;

		private Path jar;

		private String mainClass;

		private final List<String> args = new ArrayList<>();

		private final List<String> jvmOptions = new ArrayList<>();

		private final Map<String, String> env = new LinkedHashMap<>();

		private Path workingDir;

		private Path logFile;

		private Predicate<String> readyWhen;

		private Duration readyTimeout;

		private Consumer<String> lineListener;

		private Builder(String name) {
			this.name = Objects.requireNonNull(name, "name");
		}

		/**
		 * Runs a main class from this classpath.
		 * @param classpath the classpath, entries separated by the platform's path
		 * separator
		 * @return this builder
		 */
		public Builder classpath(String classpath) {
			this.classpath = Objects.requireNonNull(classpath, "classpath");
			return this;
		}

		/**
		 * Runs a main class from this classpath.
		 * @param entries jar files and class directories
		 * @return this builder
		 */
		public Builder classpath(List<Path> entries) {
			List<String> paths = entries.stream().map((entry) -> entry.toAbsolutePath().toString()).toList();
			return classpath(String.join(java.io.File.pathSeparator, paths));
		}

		/**
		 * Runs an executable jar ({@code java -jar}), for example a Spring Boot jar.
		 * @param jar the jar file
		 * @return this builder
		 */
		public Builder jar(Path jar) {
			this.jar = Objects.requireNonNull(jar, "jar");
			return this;
		}

		/**
		 * The main class; required with {@link #classpath(String)}.
		 * @param mainClass fully qualified class name
		 * @return this builder
		 */
		public Builder mainClass(String mainClass) {
			this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
			return this;
		}

		/**
		 * Adds program arguments.
		 * @param args arguments passed to the main method
		 * @return this builder
		 */
		public Builder args(String... args) {
			return args(List.of(args));
		}

		/**
		 * Adds program arguments.
		 * @param args arguments passed to the main method
		 * @return this builder
		 */
		public Builder args(List<String> args) {
			this.args.addAll(args);
			return this;
		}

		/**
		 * Adds JVM options such as {@code -Xmx256m} or {@code -Dkey=value}.
		 * @param options JVM options
		 * @return this builder
		 */
		public Builder jvmOptions(String... options) {
			return jvmOptions(List.of(options));
		}

		/**
		 * Adds JVM options such as {@code -Xmx256m} or {@code -Dkey=value}.
		 * @param options JVM options
		 * @return this builder
		 */
		public Builder jvmOptions(List<String> options) {
			this.jvmOptions.addAll(options);
			return this;
		}

		/**
		 * Sets an environment variable of the child (in addition to this JVM's
		 * environment, which the child inherits).
		 * @param key variable name
		 * @param value variable value
		 * @return this builder
		 */
		public Builder env(String key, String value) {
			this.env.put(key, value);
			return this;
		}

		/**
		 * The working directory of the child; default: this JVM's.
		 * @param workingDir the directory
		 * @return this builder
		 */
		public Builder workingDir(Path workingDir) {
			this.workingDir = workingDir;
			return this;
		}

		/**
		 * Appends the child's output to this file (created with its parent directories).
		 * @param logFile the log file
		 * @return this builder
		 */
		public Builder logFile(Path logFile) {
			this.logFile = logFile;
			return this;
		}

		/**
		 * Makes {@link #start()} wait until an output line satisfies {@code ready}. When
		 * the timeout passes or the child exits first, the child is killed and
		 * {@link #start()} throws a {@link ChildJvmStartException} with the last lines of
		 * output.
		 * @param ready tested against each output line until it matches
		 * @param timeout how long to wait
		 * @return this builder
		 */
		public Builder readyWhen(Predicate<String> ready, Duration timeout) {
			this.readyWhen = Objects.requireNonNull(ready, "ready");
			this.readyTimeout = Objects.requireNonNull(timeout, "timeout");
			return this;
		}

		/**
		 * Also passes every output line to this listener, for example to show progress.
		 * It runs on the thread that reads the output and must not block.
		 * @param listener receives each line
		 * @return this builder
		 */
		public Builder onLine(Consumer<String> listener) {
			this.lineListener = listener;
			return this;
		}

		/**
		 * The command line this builder describes.
		 * @return the command, starting with the path of the {@code java} launcher
		 */
		public List<String> command() {
			if ((this.jar == null) == (this.classpath == null)) {
				throw new IllegalStateException(this.name + ": set either a jar or a classpath");
			}
			if (this.classpath != null && this.mainClass == null) {
				throw new IllegalStateException(this.name + ": a classpath needs a main class");
			}
			List<String> command = new ArrayList<>();
			command.add(javaLauncher().toString());
			// Read back as UTF-8 whatever the locale of this machine is.
			command.add("-Dstdout.encoding=UTF-8");
			command.add("-Dstderr.encoding=UTF-8");
			command.addAll(this.jvmOptions);
			if (this.jar != null) {
				command.add("-jar");
				command.add(this.jar.toAbsolutePath().toString());
			}
			else {
				command.add("-cp");
				command.add(this.classpath);
				command.add(this.mainClass);
			}
			command.addAll(this.args);
			return command;
		}

		/**
		 * Starts the child and, if a ready predicate was set, waits until it is ready.
		 * @return the running child
		 * @throws IOException if the process cannot be started
		 * @throws ChildJvmStartException if it exits or times out before it is ready
		 */
		public ChildJvm start() throws IOException {
			ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
			if (this.workingDir != null) {
				builder.directory(this.workingDir.toFile());
			}
			builder.environment().putAll(this.env);
			builder.environment().put(PARENT_PID_ENV, Long.toString(ProcessHandle.current().pid()));
			ChildJvm child = new ChildJvm(this.name, builder.start(), this.logFile, this.readyWhen, this.lineListener);
			if (this.readyWhen != null) {
				child.awaitReady(this.readyTimeout);
			}
			return child;
		}

		private static Path javaLauncher() {
			Path bin = Path.of(System.getProperty("java.home"), "bin");
			Path java = bin.resolve("java");
			return Files.isExecutable(java) ? java : bin.resolve("java.exe");
		}

		private static java.io.File nullDevice() {
			return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
		}

	}

}
