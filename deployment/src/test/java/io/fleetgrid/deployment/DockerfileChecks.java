package io.fleetgrid.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Structural checks of {@code deploy/Dockerfile} (no container engine is needed). */
final class DockerfileChecks {

	private DockerfileChecks() {
	}

	/** The instructions of a Dockerfile, continuation lines joined, comments dropped. */
	static List<String> instructions(String dockerfile) {
		List<String> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : dockerfile.split("\n")) {
			String trimmed = line.strip();
			if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				current.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			current.append(trimmed);
			instructions.add(current.toString());
			current.setLength(0);
		}
		return instructions;
	}

	static List<String> violations(String dockerfile) {
		List<String> violations = new ArrayList<>();
		List<String> instructions = instructions(dockerfile);
		int lastFrom = -1;
		for (int i = 0; i < instructions.size(); i++) {
			String instruction = instructions.get(i);
			String keyword = keyword(instruction);
			if (keyword.equals("FROM")) {
				lastFrom = i;
			}
			if (keyword.equals("ADD")) {
				violations.add("ADD is not allowed (use COPY): " + instruction);
			}
			String lower = instruction.toLowerCase(Locale.ROOT);
			if ((keyword.equals("COPY") || keyword.equals("ENV") || keyword.equals("ARG"))
					&& (lower.contains(".env") && !lower.contains(".env.example") || lower.contains("password")
							|| lower.contains("secret"))) {
				violations.add("secrets must not enter the image: " + instruction);
			}
		}
		if (lastFrom < 0) {
			violations.add("no FROM");
			return violations;
		}
		List<String> runtime = instructions.subList(lastFrom, instructions.size());
		String from = runtime.get(0);
		if (!from.matches("FROM eclipse-temurin:25[^ ]*-jre[^ ]*( AS \\w+)?")) {
			violations.add("the runtime stage must be a JRE 25 base (eclipse-temurin:25-jre): " + from);
		}
		String user = last(runtime, "USER");
		if (user == null) {
			violations.add("the runtime stage must switch to a non-root USER");
		}
		else {
			String name = user.substring(4).trim().split(":")[0];
			if (name.equals("root") || name.equals("0")) {
				violations.add("the runtime stage runs as root: " + user);
			}
		}
		String expose = last(runtime, "EXPOSE");
		if (expose == null || !expose.equals("EXPOSE ${PORT}")) {
			violations.add("EXPOSE must publish the service's port build arg: EXPOSE ${PORT}, not " + expose);
		}
		if (last(runtime, "ARG PORT") == null) {
			violations.add("the runtime stage must declare ARG PORT");
		}
		if (last(runtime, "HEALTHCHECK") == null) {
			violations.add("the runtime stage needs a HEALTHCHECK");
		}
		String entrypoint = last(runtime, "ENTRYPOINT");
		if (entrypoint == null || !entrypoint.matches("ENTRYPOINT \\[\"java\",.*JarLauncher\"]")) {
			violations.add("ENTRYPOINT must start the extracted layout in exec form with java (PID 1 gets signals)");
		}
		if (!String.join("\n", instructions).contains("-Djarmode=tools -jar app.jar extract --layers --launcher")) {
			violations.add("the jar must be extracted in layers with Boot's jarmode tools");
		}
		return violations;
	}

	private static String keyword(String instruction) {
		int space = instruction.indexOf(' ');
		return ((space < 0) ? instruction : instruction.substring(0, space)).toUpperCase(Locale.ROOT);
	}

	private static String last(List<String> instructions, String prefix) {
		String found = null;
		for (String instruction : instructions) {
			if (instruction.startsWith(prefix + " ") || instruction.equals(prefix)) {
				found = instruction;
			}
		}
		return found;
	}

}
