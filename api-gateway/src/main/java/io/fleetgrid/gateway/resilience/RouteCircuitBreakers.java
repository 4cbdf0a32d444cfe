package io.fleetgrid.gateway.resilience;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.fleetgrid.gateway.error.GatewayProblemException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import reactor.core.publisher.Mono;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;

/**
 * Builds the circuit breaker filter of each route. The route's call (up to the service's
 * response headers; a streamed body such as Server-Sent Events is not cut) runs inside a
 * Resilience4j circuit breaker named after the route, bounded by the route's timeout. Any
 * failure to get an answer (no instance, connection refused, timeout, open circuit)
 * becomes a 503 problem with {@code Retry-After}; a 4xx raised on the way is passed on
 * and not counted as a failure.
 */
public class RouteCircuitBreakers {

	private final ReactiveResilience4JCircuitBreakerFactory factory;

	private final ResilienceProperties properties;

	/**
	 * Creates the builder and configures the factory's defaults.
	 * @param factory Spring Cloud CircuitBreaker's Resilience4j factory
	 * @param properties timeouts and thresholds
	 */
	public RouteCircuitBreakers(ReactiveResilience4JCircuitBreakerFactory factory, ResilienceProperties properties) {
		this.factory = factory;
		this.properties = properties;
		CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.custom()
			.failureRateThreshold(properties.failureRateThreshold())
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumNumberOfCalls())
			.waitDurationInOpenState(properties.waitInOpenState())
			.recordException(RouteCircuitBreakers::isServiceFailure)
			.build();
		factory.configureDefault((id) -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(circuitBreaker)
			.timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.timeoutOf(id)).build())
			.build());
	}

	/**
	 * The filter of one route.
	 * @param routeId the route id, also the circuit breaker's name
	 * @return the filter
	 */
	public GatewayFilter forRoute(String routeId) {
		ReactiveCircuitBreaker circuitBreaker = this.factory.create(routeId);
		Duration timeout = this.properties.timeoutOf(routeId);
		return (exchange, chain) -> circuitBreaker.run(chain.filter(exchange),
				(failure) -> Mono.error(isServiceFailure(failure) ? unavailable(failure, timeout) : failure));
	}

	private GatewayProblemException unavailable(Throwable failure, Duration timeout) {
		if (failure instanceof CallNotPermittedException) {
			return new GatewayProblemException(HttpStatus.SERVICE_UNAVAILABLE,
					"The service is failing and is not called for now. Retry later.", this.properties.waitInOpenState(),
					failure);
		}
		if (failure instanceof TimeoutException) {
			return new GatewayProblemException(HttpStatus.SERVICE_UNAVAILABLE,
					"The service did not answer within " + timeout.toMillis() + " ms. Retry later.",
					this.properties.retryAfter(), failure);
		}
		return new GatewayProblemException(HttpStatus.SERVICE_UNAVAILABLE,
				"The service is temporarily unavailable. Retry later.", this.properties.retryAfter(), failure);
	}

	static boolean isServiceFailure(Throwable failure) {
		return !(failure instanceof ErrorResponse response && response.getStatusCode().is4xxClientError());
	}

}
