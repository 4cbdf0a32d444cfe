package io.fleetgrid.log.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The kinds of documents, each in its own daily indices
 * ({@code fleetgrid-<kind>-YYYY.MM.DD}, the day in UTC of the document's {@code ts}).
 */
public enum IndexKind {

	/** Application log lines ({@code fleetgrid.logs.v1}). */
	LOGS("logs"),

	/** Audit events ({@code fleetgrid.audit.v1}). */
	AUDIT("audit"),

	/** Alert lifecycle steps ({@code fleetgrid.alerts.v1}). */
	ALERTS("alerts");

	/**
	 * The {@code tenantId} of documents that belong to no tenant (platform-wide service
	 * logs, platform audit events); tenant ids never start with an underscore.
	 */
	public static final String PLATFORM_TENANT = "_platform";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

	private final String id;

	IndexKind(String id) {
		this.id = id;
	}

	/**
	 * Short name of the kind, as in the index names.
	 * @return {@code logs}, {@code audit} or {@code alerts}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Prefix of this kind's daily indices.
	 * @return for example {@code fleetgrid-logs-}
	 */
	public String prefix() {
		return "fleetgrid-" + this.id + "-";
	}

	/**
	 * Wildcard over all daily indices of this kind (searches use it).
	 * @return for example {@code fleetgrid-logs-*}
	 */
	public String pattern() {
		return prefix() + "*";
	}

	/**
	 * The daily index of a document.
	 * @param ts the document's time
	 * @return for example {@code fleetgrid-logs-2026.11.23}
	 */
	public String index(Instant ts) {
		return prefix() + DAY.format(ts);
	}

	/**
	 * The day of one of this kind's daily indices.
	 * @param index an index name
	 * @return its day, or empty if the name is not a daily index of this kind
	 */
	public Optional<LocalDate> day(String index) {
		if (!index.startsWith(prefix())) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(index.substring(prefix().length()), DAY));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
