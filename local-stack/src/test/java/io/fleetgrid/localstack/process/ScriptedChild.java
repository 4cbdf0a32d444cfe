package io.fleetgrid.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child JVM for {@link ChildJvmTests} that runs the steps given as arguments:
 * {@code say:TEXT}, {@code lines:N}, {@code env:NAME}, {@code hook:FILE} (write FILE on
 * shutdown), {@code exit:CODE}, {@code sleep}.
 */
@SuppressWarnings("checkstyle:regexpsinglelinejava")
public final class ScriptedChild {

	private ScriptedChild() {
	}

	public static void main(String[] args) throws InterruptedException {
		for (String step : args) {
			int colon = step.indexOf(':');
			String action = (colon < 0) ? step : step.substring(0, colon);
			String value = (colon < 0) ? "" : step.substring(colon + 1);
			switch (action) {
				case "say" -> System.out.println(value);
				case "err" -> System.err.println(value);
				case "lines" -> {
					for (int i = 1; i <= Integer.parseInt(value); i++) {
						System.out.println("line " + i);
					}
				}
				case "env" -> System.out.println(value + "=" + System.getenv(value));
				case "hook" -> Runtime.getRuntime().addShutdownHook(new Thread(() -> touch(Path.of(value))));
				case "exit" -> System.exit(Integer.parseInt(value));
				case "sleep" -> Thread.sleep(Long.MAX_VALUE);
				default -> throw new IllegalArgumentException(step);
			}
		}
	}

	private static void touch(Path file) {
		try {
			Files.writeString(file, "stopped");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
