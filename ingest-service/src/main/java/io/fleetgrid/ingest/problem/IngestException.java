package io.fleetgrid.ingest.problem;

import java.time.Duration;
import java.util.Map;

/**
 * A request ingest refuses, with the HTTP status and problem fields to answer with.
 */
public class IngestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String title;

	private final transient Duration retryAfter;

	private final transient Map<String, Object> properties;

	/**
	 * A refusal.
	 * @param status HTTP status
	 * @param title short problem title
	 * @param detail what is wrong, for the device developer
	 * @param retryAfter when a retry may succeed, or null
	 * @param properties further problem members (for example {@code errors})
	 */
	public IngestException(int status, String title, String detail, Duration retryAfter,
			Map<String, Object> properties) {
		super(detail);
		this.status = status;
		this.title = title;
		this.retryAfter = retryAfter;
		this.properties = Map.copyOf(properties);
	}

	/**
	 * 401: unknown device or wrong token.
	 * @param detail reason
	 * @return the exception
	 */
	public static IngestException unauthorized(String detail) {
		return new IngestException(401, "Unauthorized", detail, null, Map.of());
	}

	/**
	 * 403: deactivated device or suspended tenant.
	 * @param detail reason
	 * @return the exception
	 */
	public static IngestException forbidden(String detail) {
		return new IngestException(403, "Forbidden", detail, null, Map.of());
	}

	/**
	 * 503: a dependency is unavailable; nothing was accepted.
	 * @param detail reason
	 * @param retryAfter suggested wait
	 * @return the exception
	 */
	public static IngestException unavailable(String detail, Duration retryAfter) {
		return new IngestException(503, "Service Unavailable", detail, retryAfter, Map.of());
	}

	/**
	 * 429: a rate limit is exceeded.
	 * @param detail which limit
	 * @param retryAfter when enough capacity is back
	 * @return the exception
	 */
	public static IngestException tooManyRequests(String detail, Duration retryAfter) {
		return new IngestException(429, "Too Many Requests", detail, retryAfter, Map.of());
	}

	/**
	 * 413: the body is too large.
	 * @param detail the limit
	 * @return the exception
	 */
	public static IngestException tooLarge(String detail) {
		return new IngestException(413, "Content Too Large", detail, null, Map.of());
	}

	public int status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	/**
	 * When a retry may succeed.
	 * @return the wait, or null if retrying the same request cannot succeed
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

}
