package io.fleetgrid.gateway.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A problem the gateway answers itself (413, 429, 503...), raised from a filter and
 * rendered by {@link ProblemDetailErrorHandler} with its detail and headers.
 */
public class GatewayProblemException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	/**
	 * Creates the problem.
	 * @param status the response status
	 * @param detail what went wrong, for the caller
	 * @param retryAfter when to retry ({@code Retry-After}), or {@code null}
	 * @param cause the cause, or {@code null}
	 */
	public GatewayProblemException(HttpStatus status, String detail, @Nullable Duration retryAfter,
			@Nullable Throwable cause) {
		super(status, ProblemDetail.forStatusAndDetail(status, detail), cause);
		this.retryAfter = retryAfter;
	}

	@Override
	public HttpHeaders getHeaders() {
		HttpHeaders headers = new HttpHeaders();
		if (this.retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(this.retryAfter)));
		}
		return headers;
	}

	/**
	 * Whole seconds to wait, rounded up, at least one.
	 * @param retryAfter the duration
	 * @return seconds for {@code Retry-After}
	 */
	public static long retryAfterSeconds(Duration retryAfter) {
		long millis = retryAfter.toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

}
