package io.fleetgrid.ingest.http;

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
 * 503 and {@code WWW-Authenticate} for 401.
 */
@RestControllerAdvice
class IngestProblemHandler {

	@ExceptionHandler(IngestException.class)
	ResponseEntity<ProblemDetail> refused(IngestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(ex.status()), ex.getMessage());
		problem.setTitle(ex.title());
		ex.properties().forEach(problem::setProperty);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (ex.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ex.retryAfter().toSeconds())));
		}
		if (ex.status() == 401) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"fleetgrid-devices\", charset=\"UTF-8\"");
		}
		return response.body(problem);
	}

}
