package io.fleetgrid.gateway.error;

import java.net.ConnectException;
import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Renders every error that reaches the gateway's exception handling as
 * {@code application/problem+json}: no route matches (404), the target service has no
 * registered instance (503), the instance cannot be reached (503, retryable), or anything
 * unexpected (500, without internals). Ordered before Spring Boot's default handler,
 * which would answer with its own JSON shape.
 */
@Component
@Order(-2)
public class ProblemDetailErrorHandler implements WebExceptionHandler {

	private static final Logger LOGGER = LoggerFactory.getLogger(ProblemDetailErrorHandler.class);

	private final ProblemResponses problems;

	/**
	 * Creates the handler.
	 * @param problems writes the problem responses
	 */
	public ProblemDetailErrorHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem = toProblem(ex);
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		if (problem.getStatus() >= 500) {
			LOGGER.warn("{} {} failed: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					NestedExceptionUtils.getMostSpecificCause(ex).toString());
		}
		HttpHeaders extra = (ex instanceof ErrorResponse errorResponse) ? errorResponse.getHeaders()
				: HttpHeaders.EMPTY;
		return this.problems.write(exchange, problem, (headers) -> headers.addAll(extra));
	}

	static ProblemDetail toProblem(Throwable ex) {
		if (ex instanceof GatewayProblemException problem) {
			ProblemDetail body = problem.getBody();
			ProblemDetail copy = ProblemDetail.forStatusAndDetail(problem.getStatusCode(), body.getDetail());
			return copy;
		}
		if (ex instanceof ErrorResponse errorResponse) {
			HttpStatusCode status = errorResponse.getStatusCode();
			ProblemDetail problem = ProblemDetail.forStatus(status);
			problem.setDetail(detail(status, errorResponse.getBody().getDetail()));
			return problem;
		}
		if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof ConnectException) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The service is not reachable. Retry later.");
		}
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected gateway error.");
	}

	private static String detail(HttpStatusCode status, String detail) {
		if (status.value() == HttpStatus.NOT_FOUND.value()) {
			return "No resource at this path.";
		}
		if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			// "Unable to find instance for device-service": the service is not
			// registered.
			return "The service is temporarily unavailable. Retry later.";
		}
		return (detail != null) ? detail : status.toString();
	}

}
