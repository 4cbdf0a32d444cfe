package io.fleetgrid.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Renders a Kustomize overlay with {@code kubectl kustomize} (kubectl is a build
 * prerequisite of this module: a missing kubectl fails the tests with instructions, it
 * never skips them).
 */
final class Kustomize {

	private Kustomize() {
	}

	static Path kubectl() {
		return kubectl(System.getenv(), Path.of("/usr/bin/kubectl"));
	}

	static Path kubectl(Map<String, String> env, Path usual) {
		String configured = env.get("KUBECTL");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(dir, "kubectl");
			if (!dir.isEmpty() && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		if (Files.isExecutable(usual)) {
			return usual;
		}
		throw new AssertionError("kubectl is required to validate the Kubernetes manifests (deployment module) and was "
				+ "not found on the PATH, at /usr/bin/kubectl or in $KUBECTL. Install kubectl 1.27 or newer (its built-in "
				+ "Kustomize must support components; the machine image's apt package 'kubectl' does, Debian's "
				+ "'kubernetes-client' 1.20 does not) or set KUBECTL to its path.");
	}

	/**
	 * Renders one overlay.
	 * @param overlay the overlay directory
	 * @return the rendered objects
	 */
	static List<Map<String, Object>> render(Path overlay) {
		Path kubectl = kubectl();
		try {
			Path output = Files.createTempFile("kustomize", ".yaml");
			Path errors = Files.createTempFile("kustomize", ".err");
			try {
				Process process = new ProcessBuilder(kubectl.toString(), "kustomize", overlay.toString())
					.redirectOutput(output.toFile())
					.redirectError(errors.toFile())
					.start();
				if (!process.waitFor(120, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new AssertionError("kubectl kustomize " + overlay + " did not finish in 120 s");
				}
				if (process.exitValue() != 0) {
					throw new AssertionError("kubectl kustomize " + overlay + " failed: "
							+ Files.readString(errors, StandardCharsets.UTF_8));
				}
				return Yamls.documents(Files.readString(output, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(output);
				Files.deleteIfExists(errors);
			}
		}
		catch (IOException ex) {
			throw new AssertionError("could not run " + kubectl + " kustomize " + overlay, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while rendering " + overlay, ex);
		}
	}

}
