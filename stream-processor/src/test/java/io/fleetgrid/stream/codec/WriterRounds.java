package io.fleetgrid.stream.codec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Side by side of writers of the same values in one JVM, for the JSON writer benchmarks:
 * rounds alternate between the writers, each round writes every value once and is
 * measured in the thread's CPU time; the first five rounds of each are thrown away.
 * Prints the minimum and median nanoseconds per value and the bytes per value.
 */
public final class WriterRounds {

	private WriterRounds() {
	}

	/**
	 * Runs and prints the comparison.
	 * @param <T> the type of the values
	 * @param what what a value is, for the table's header
	 * @param values the values of a round
	 * @param writers the writers by name, in the table's order
	 * @param rounds measured rounds of each writer
	 * @return the table's rows (name, minimum and median ns per value, bytes per value)
	 */
	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	public static <T> List<String> compare(String what, List<T> values, Map<String, Function<T, byte[]>> writers,
			int rounds) {
		Map<String, double[]> nanos = new LinkedHashMap<>();
		Map<String, Long> bytes = new LinkedHashMap<>();
		writers.keySet().forEach((name) -> nanos.put(name, new double[rounds]));
		for (int r = -5; r < rounds; r++) {
			for (Map.Entry<String, Function<T, byte[]>> writer : writers.entrySet()) {
				long[] written = new long[1];
				double perValue = run(writer.getValue(), values, written);
				if (r >= 0) {
					nanos.get(writer.getKey())[r] = perValue;
					bytes.put(writer.getKey(), written[0] / values.size());
				}
			}
		}
		List<String> rows = nanos.entrySet().stream().map((entry) -> {
			double[] sorted = entry.getValue().clone();
			Arrays.sort(sorted);
			return String.format(Locale.ROOT, "%s %d %d %.0f %.0f %d", entry.getKey(), values.size(), rounds, sorted[0],
					sorted[rounds / 2], bytes.get(entry.getKey()));
		}).toList();
		System.out.printf("writer %ss rounds cpu_ns_per_%s_min cpu_ns_per_%s_median bytes_per_%s%n", what, what, what,
				what);
		rows.forEach(System.out::println);
		return rows;
	}

	private static <T> double run(Function<T, byte[]> writer, List<T> values, long[] written) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long start = threads.getCurrentThreadCpuTime();
		long total = 0;
		for (T value : values) {
			total += writer.apply(value).length;
		}
		long cpu = threads.getCurrentThreadCpuTime() - start;
		written[0] = total;
		return (double) cpu / values.size();
	}

}
