package io.fleetgrid.gateway.resilience;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the per-route circuit breakers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
public class ResilienceConfiguration {

	@Bean
	RouteCircuitBreakers routeCircuitBreakers(ReactiveResilience4JCircuitBreakerFactory factory,
			ResilienceProperties properties) {
		return new RouteCircuitBreakers(factory, properties);
	}

}
