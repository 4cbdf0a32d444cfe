package io.fleetgrid.localstack.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classpath of the server processes: local-stack's own classes plus its runtime
 * dependencies, which the build lists in {@value #RESOURCE}. JVMs that have only
 * local-stack's classes (tests, the launcher) start the servers with it.
 */
public final class LocalStackClasspath {

	/** The resource, written by the build, that lists local-stack's runtime classpath. */
	public static final String RESOURCE = "META-INF/fleetgrid/local-stack.classpath";

	private LocalStackClasspath() {
	}

	/**
	 * The classpath of the server processes, found through the class loader of this
	 * class.
	 * @return the entries, local-stack's own classes first
	 * @throws IllegalStateException if the resource is missing or an entry does not exist
	 * (local-stack has to be built first)
	 */
	public static List<Path> entries() {
		return entries(LocalStackClasspath.class.getClassLoader());
	}

	/**
	 * The classpath of the server processes as a single string.
	 * @return the entries joined with the platform's path separator
	 */
	public static String asString() {
		return String.join(File.pathSeparator, entries().stream().map(Path::toString).toList());
	}

	/**
	 * The classpath of the server processes, found through a class loader.
	 * @param classLoader the class loader that sees local-stack's classes
	 * @return the entries, local-stack's own classes first
	 */
	static List<Path> entries(ClassLoader classLoader) {
		URL resource = classLoader.getResource(RESOURCE);
		if (resource == null) {
			throw new IllegalStateException(RESOURCE + " is not on the classpath: build local-stack first "
					+ "(./fleetgrid mvn -pl local-stack -am package)");
		}
		List<Path> entries = new ArrayList<>();
		entries.add(ownLocation(resource));
		entries.addAll(parse(read(resource)));
		List<Path> missing = entries.stream().filter((entry) -> !Files.exists(entry)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("local-stack's classpath (" + resource + ") names missing files " + missing
					+ ": rebuild local-stack (./fleetgrid mvn -pl local-stack -am package)");
		}
		return List.copyOf(entries);
	}

	/**
	 * Parses the content of the classpath resource.
	 * @param content entries separated by the platform's path separator
	 * @return the entries
	 */
	static List<Path> parse(String content) {
		return Arrays.stream(content.strip().split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map(Path::of)
			.toList();
	}

	/**
	 * The jar file or classes directory that holds the resource.
	 * @param resource URL of {@link #RESOURCE}
	 * @return the jar file or classes directory
	 */
	static Path ownLocation(URL resource) {
		try {
			return switch (resource.getProtocol()) {
				case "jar" -> Path.of(((JarURLConnection) resource.openConnection()).getJarFileURL().toURI());
				case "file" -> {
					Path path = Path.of(resource.toURI());
					for (int i = 0; i < RESOURCE.split("/").length; i++) {
						path = path.getParent();
					}
					yield path;
				}
				default -> throw new IllegalStateException(
						"cannot start servers from local-stack classes loaded from " + resource);
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("bad resource URL " + resource, ex);
		}
	}

	private static String read(URL resource) {
		try (InputStream in = resource.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
	}

}
