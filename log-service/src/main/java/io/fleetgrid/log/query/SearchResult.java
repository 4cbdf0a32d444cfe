package io.fleetgrid.log.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One page of search results.
 *
 * @param <T> the document type
 * @param hits the documents of this page, in the requested order
 * @param total how many documents match (counted exactly up to 10,000)
 * @param totalIsLowerBound whether more than {@code total} match
 * @param next the cursor of the next page ({@code after=...}), or null on the last page
 * @param aggregations counts over the whole match when {@code interval} was given, or
 * null
 * @param <T> the document type
 */
public record SearchResult<T>(List<T> hits, long total, boolean totalIsLowerBound, @Nullable String next,
		@Nullable Aggregations aggregations) {

	/**
	 * Counts of the matching documents.
	 *
	 * @param totals per field (for logs: level and service), value → count
	 * @param timeline the date histogram: per bucket its start, count and the same
	 * per-field counts
	 */
	public record Aggregations(Map<String, Map<String, Long>> totals, List<Bucket> timeline) {
	}

	/**
	 * One bucket of the date histogram.
	 *
	 * @param start start of the bucket
	 * @param count matching documents in it
	 * @param counts per field, value → count
	 */
	public record Bucket(Instant start, long count, Map<String, Map<String, Long>> counts) {
	}

}
