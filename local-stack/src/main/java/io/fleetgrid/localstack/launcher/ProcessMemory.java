package io.fleetgrid.localstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Resident memory of a process and its descendants (for example PostgreSQL's backends
 * under its server process), read from Linux's {@code /proc}. Other platforms report 0.
 */
final class ProcessMemory {

	private ProcessMemory() {
	}

	/**
	 * Resident set size of the process and all its descendants.
	 * @param process the root process
	 * @return bytes resident, or 0 when unknown
	 */
	static long residentBytesWithDescendants(ProcessHandle process) {
		return Stream.concat(Stream.of(process), process.descendants())
			.mapToLong((handle) -> residentBytes(handle.pid()))
			.sum();
	}

	/**
	 * Resident set size of the processes whose command line mentions a directory, and
	 * their descendants: PostgreSQL's postmaster is detached by {@code pg_ctl} (its
	 * parent becomes init), so it is found by its data directory.
	 * @param directory the directory named on the command line
	 * @return bytes resident, or 0 when none is found
	 */
	static long residentBytesOfProcessesUsing(Path directory) {
		String needle = directory.toAbsolutePath().normalize().toString();
		return ProcessHandle.allProcesses()
			.filter((handle) -> handle.info().commandLine().map((line) -> line.contains(needle)).orElse(false))
			.filter((handle) -> handle.pid() != ProcessHandle.current().pid())
			.mapToLong(ProcessMemory::residentBytesWithDescendants)
			.sum();
	}

	static long residentBytes(long pid) {
		Path status = Path.of("/proc", Long.toString(pid), "status");
		try (Stream<String> lines = Files.lines(status)) {
			return lines.filter((line) -> line.startsWith("VmRSS:"))
				.findFirst()
				.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
				.orElse(0L);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
