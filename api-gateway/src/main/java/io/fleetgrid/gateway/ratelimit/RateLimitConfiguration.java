package io.fleetgrid.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

/**
 * Registers the in-memory rate limiter and its two web filters.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {

	@Bean
	TokenBucketRateLimiter tokenBucketRateLimiter(RateLimitProperties properties) {
		return new TokenBucketRateLimiter(properties.maxKeys(), System::nanoTime);
	}

	@Bean
	RateLimitWebFilters rateLimitWebFilters(TokenBucketRateLimiter limiter, RateLimitProperties properties) {
		return new RateLimitWebFilters(limiter, properties);
	}

	@Bean
	WebFilter ipAndDeviceRateLimitFilter(RateLimitWebFilters filters) {
		return filters.beforeSecurity();
	}

	@Bean
	WebFilter clientRateLimitFilter(RateLimitWebFilters filters) {
		return filters.afterSecurity();
	}

}
