package io.fleetgrid.localstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * File-system helpers of the launcher.
 */
final class Directories {

	private Directories() {
	}

	/**
	 * Deletes a directory tree; nothing happens when it does not exist.
	 * @param dir the directory
	 * @throws IOException if something cannot be deleted
	 */
	static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
