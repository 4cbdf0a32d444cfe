package io.fleetgrid.log.query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A validated search: full-text {@code q}, exact filters, time range, order, page size,
 * {@code search_after} cursor and an optional aggregation interval. Built only by
 * {@link #parse}, which rejects anything it does not know with an
 * {@link InvalidSearchException} naming the parameter.
 *
 * @param q the full-text query (simple query syntax), or null
 * @param filters exact filters: field → accepted values (any of them)
 * @param from start of the time range (inclusive), or null
 * @param to end of the time range (inclusive), or null
 * @param ascending oldest first (default newest first)
 * @param size page size
 * @param after the cursor of the previous page, or null for the first page
 * @param interval aggregation bucket width, or null for no aggregations
 */
public record Criteria(@Nullable String q, Map<String, List<String>> filters, @Nullable Instant from,
		@Nullable Instant to, boolean ascending, int size, @Nullable Cursor after, @Nullable Duration interval) {

	/** Longest accepted {@code q}. */
	public static final int MAX_QUERY_CHARS = 512;

	/** Largest page. */
	public static final int MAX_SIZE = 500;

	/** Page size when {@code size} is not given. */
	public static final int DEFAULT_SIZE = 50;

	/** Most buckets an aggregation may ask for. */
	public static final long MAX_BUCKETS = 2_000;

	private static final Map<String, Duration> INTERVALS = intervals();

	private static final Set<String> COMMON = Set.of("q", "from", "to", "sort", "size", "after", "interval");

	private static final Pattern SAFE_VALUE = Pattern.compile("[\\p{L}\\p{N}_.:@/+\\-]{1,256}");

	public Criteria {
		filters = Map.copyOf(filters);
	}

	private static Map<String, Duration> intervals() {
		Map<String, Duration> intervals = new LinkedHashMap<>();
		intervals.put("1m", Duration.ofMinutes(1));
		intervals.put("5m", Duration.ofMinutes(5));
		intervals.put("15m", Duration.ofMinutes(15));
		intervals.put("30m", Duration.ofMinutes(30));
		intervals.put("1h", Duration.ofHours(1));
		intervals.put("6h", Duration.ofHours(6));
		intervals.put("12h", Duration.ofHours(12));
		intervals.put("1d", Duration.ofDays(1));
		return intervals;
	}

	/**
	 * Parses request parameters.
	 * @param parameters the request's query parameters (one value each)
	 * @param allowed the filters this search offers, each with a normaliser that returns
	 * the stored form of a value or throws {@link IllegalArgumentException}
	 * @param now the current time (default end of an aggregation range)
	 * @return the criteria
	 * @throws InvalidSearchException for an unknown parameter or an invalid value
	 */
	public static Criteria parse(Map<String, String> parameters, Map<String, UnaryOperator<String>> allowed,
			Instant now) {
		for (String name : parameters.keySet()) {
			if (!COMMON.contains(name) && !allowed.containsKey(name)) {
				List<String> known = new ArrayList<>(COMMON);
				known.addAll(allowed.keySet());
				known.sort(null);
				throw new InvalidSearchException(name, "unknown parameter; known parameters are " + known);
			}
		}
		String q = parameters.get("q");
		if (q != null) {
			q = q.strip();
			if (q.isEmpty()) {
				q = null;
			}
			else if (q.length() > MAX_QUERY_CHARS) {
				throw new InvalidSearchException("q", "at most " + MAX_QUERY_CHARS + " characters");
			}
		}
		Map<String, List<String>> filters = new LinkedHashMap<>();
		allowed.forEach((name, normaliser) -> {
			String raw = parameters.get(name);
			if (raw != null && !raw.isBlank()) {
				filters.put(name, values(name, raw, normaliser));
			}
		});
		Instant from = instant(parameters, "from");
		Instant to = instant(parameters, "to");
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidSearchException("from", "must not be after 'to' (" + to + ")");
		}
		boolean ascending = ascending(parameters.get("sort"));
		int size = size(parameters.get("size"));
		Cursor after = (parameters.get("after") != null) ? Cursor.decode(parameters.get("after")) : null;
		Duration interval = interval(parameters.get("interval"), from, (to != null) ? to : now);
		return new Criteria(q, filters, from, to, ascending, size, after, interval);
	}

	private static List<String> values(String name, String raw, UnaryOperator<String> normaliser) {
		List<String> values = new ArrayList<>();
		for (String value : raw.split(",")) {
			String trimmed = value.strip();
			if (!SAFE_VALUE.matcher(trimmed).matches()) {
				throw new InvalidSearchException(name, "'" + shorten(trimmed)
						+ "' is not a valid value (1-256 letters, digits or _ . : @ / + -; several separated by commas)");
			}
			try {
				values.add(normaliser.apply(trimmed));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidSearchException(name, ex.getMessage());
			}
		}
		if (values.size() > 20) {
			throw new InvalidSearchException(name, "at most 20 values");
		}
		return List.copyOf(values);
	}

	private static @Nullable Instant instant(Map<String, String> parameters, String name) {
		String raw = parameters.get(name);
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(raw.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidSearchException(name,
					"'" + shorten(raw) + "' is not an ISO-8601 instant such as 2026-11-23T10:15:30Z");
		}
	}

	private static boolean ascending(@Nullable String sort) {
		if (sort == null || sort.isBlank()) {
			return false;
		}
		return switch (sort.strip().toLowerCase(Locale.ROOT)) {
			case "asc", "ts", "+ts", "ts:asc" -> true;
			case "desc", "-ts", "ts:desc" -> false;
			default ->
				throw new InvalidSearchException("sort", "must be 'asc' (oldest first) or 'desc' (newest first)");
		};
	}

	private static int size(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return DEFAULT_SIZE;
		}
		try {
			int size = Integer.parseInt(raw.strip());
			if (size >= 1 && size <= MAX_SIZE) {
				return size;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidSearchException("size", "must be a whole number from 1 to " + MAX_SIZE);
	}

	private static @Nullable Duration interval(@Nullable String raw, @Nullable Instant from, Instant to) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		Duration interval = INTERVALS.get(raw.strip());
		if (interval == null) {
			throw new InvalidSearchException("interval", "must be one of " + INTERVALS.keySet());
		}
		if (from == null) {
			throw new InvalidSearchException("from", "is required with 'interval' (aggregations need a time range)");
		}
		long buckets = Duration.between(from, to).dividedBy(interval) + 1;
		if (buckets > MAX_BUCKETS) {
			throw new InvalidSearchException("interval", "the range would need " + buckets + " buckets, at most "
					+ MAX_BUCKETS + " are allowed: choose a wider interval or a shorter range");
		}
		return interval;
	}

	static String shorten(String value) {
		return (value.length() <= 64) ? value : value.substring(0, 64) + "…";
	}

	/**
	 * A normaliser that accepts only the given values (case-insensitively) and returns
	 * them upper-case.
	 * @param accepted the accepted values, upper-case
	 * @return the normaliser
	 */
	public static UnaryOperator<String> oneOf(String... accepted) {
		List<String> values = Arrays.asList(accepted);
		return (value) -> {
			String upper = value.toUpperCase(Locale.ROOT);
			if (!values.contains(upper)) {
				throw new IllegalArgumentException("'" + shorten(value) + "' is not one of " + values);
			}
			return upper;
		};
	}

	/**
	 * The position after the last hit of a page ({@code search_after}): its time and its
	 * document id, sent to clients as opaque base64url text.
	 *
	 * @param ts the hit's sort time (epoch milliseconds)
	 * @param docId the hit's document id
	 */
	public record Cursor(long ts, String docId) {

		/**
		 * The cursor as the opaque text clients send back in {@code after}.
		 * @return base64url text
		 */
		public String encode() {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString((this.ts + ":" + this.docId).getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String text) {
			try {
				String decoded = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				if (colon > 0 && colon < decoded.length() - 1) {
					return new Cursor(Long.parseLong(decoded.substring(0, colon)), decoded.substring(colon + 1));
				}
			}
			catch (IllegalArgumentException ex) {
				// answered below
			}
			throw new InvalidSearchException("after", "is not a cursor returned as 'next' by a previous page");
		}

	}

}
