package io.fleetgrid.stream.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from Linux's {@code /proc} (clock ticks of 10 ms, returned as nanoseconds):
 * the whole machine's busy time, and that of some threads of the benchmark's child by
 * their (15-character) kernel names: the stream threads, recognisable by the Kafka
 * Streams client id {@link #CLIENT_ID}, and the JIT compiler threads. Zero where there is
 * no {@code /proc}.
 */
final class CpuTicks {

	/** The child's {@code client.id}: its stream threads are "fgbench-StreamThread-n". */
	static final String CLIENT_ID = "fgbench";

	/** Kernel names (15 characters) of the child's stream threads. */
	static final String STREAM_THREADS = (CLIENT_ID + "-StreamThread-").substring(0, 15);

	/** Kernel names of HotSpot's JIT compiler threads (C1 and C2). */
	static final String COMPILER_THREADS = " CompilerThre";

	private static final long NANOS_PER_TICK = 10_000_000L;

	private CpuTicks() {
	}

	/**
	 * The machine's busy time over all cores (user, nice, system, irq and softirq), since
	 * boot.
	 * @return nanoseconds
	 */
	static long machine() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII)
				.get(0)
				.trim()
				.split("\\s+");
			// cpu user nice system idle iowait irq softirq steal ...
			long busy = 0;
			for (int field : new int[] { 1, 2, 3, 6, 7 }) {
				busy += Long.parseLong(fields[field]);
			}
			return busy * NANOS_PER_TICK;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/**
	 * The CPU time of some threads of a process.
	 * @param pid the process
	 * @param name what the threads' kernel names contain
	 * @return nanoseconds
	 */
	static long threads(long pid, String name) {
		long ticks = 0;
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
			for (Path task : tasks) {
				String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
				int open = stat.indexOf('(');
				int close = stat.lastIndexOf(')');
				if (!stat.substring(open + 1, close).contains(name)) {
					continue;
				}
				// after the name: state ppid pgrp session tty tpgid flags minflt cminflt
				// majflt cmajflt utime stime
				String[] fields = stat.substring(close + 2).split(" ");
				ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
		}
		catch (IOException | RuntimeException ex) {
			// the thread or the process just ended, or no /proc: count what was read
		}
		return ticks * NANOS_PER_TICK;
	}

}
