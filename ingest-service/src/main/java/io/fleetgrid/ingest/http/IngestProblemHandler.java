package io.fleetgrid.ingest.http;

import java.net.URI;

import io.fleetgrid.ingest.problem.IngestException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns {@link IngestException}s into problem+json, with {@code Retry-After} for 429 and
 * 503 and {@code WWW-Authenticate} for 401 ({@link DirectTelemetryFilter} answers the
 * same way through {@link #problem} and {@link #headers}).
 */
@RestControllerAdvice
class IngestProblemHandler {

	static final String WWW_AUTHENTICATE_BASIC = "Basic realm=\"fleetgrid-devices\", charset=\"UTF-8\"";

	@ExceptionHandler(IngestException.class)
	ResponseEntity<ProblemDetail> refused(IngestException ex) {
		return ResponseEntity.status(ex.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.headers(headers(ex))
			.body(problem(ex, null));
	}

	/**
	 * The problem document of a refusal.
	 * @param ex the refusal
	 * @param instance the request path, or null to let MVC fill it in
	 * @return the problem
	 */
	static ProblemDetail problem(IngestException ex, URI instance) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(ex.status()), ex.getMessage());
		problem.setTitle(ex.title());
		problem.setInstance(instance);
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	/**
	 * The headers of a refusal: {@code Retry-After} when a retry may succeed later,
	 * {@code WWW-Authenticate} on 401.
	 * @param ex the refusal
	 * @return the headers
	 */
	static HttpHeaders headers(IngestException ex) {
		HttpHeaders headers = new HttpHeaders();
		if (ex.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ex.retryAfter().toSeconds())));
		}
		if (ex.status() == 401) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, WWW_AUTHENTICATE_BASIC);
		}
		return headers;
	}

}
