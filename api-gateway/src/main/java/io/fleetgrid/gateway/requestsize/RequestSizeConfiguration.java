package io.fleetgrid.gateway.requestsize;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the request size filter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestSizeProperties.class)
public class RequestSizeConfiguration {

	@Bean
	RequestSizeWebFilter requestSizeWebFilter(RequestSizeProperties properties) {
		return new RequestSizeWebFilter(properties);
	}

}
