package io.fleetgrid.observability.web;

import io.fleetgrid.observability.ObservabilityProperties;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the correlation filter of the web stack the service runs on.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = ObservabilityProperties.PREFIX + ".correlation.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ObservabilityProperties.class)
public final class CorrelationAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = { "jakarta.servlet.Filter", "org.springframework.web.filter.OncePerRequestFilter" })
	static class ServletCorrelationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ServletCorrelationFilter servletCorrelationFilter(ObservabilityProperties properties,
				ObjectProvider<Tracer> tracer) {
			return new ServletCorrelationFilter(properties.correlation(), tracer);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.server.WebFilter")
	static class ReactiveCorrelationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveCorrelationWebFilter reactiveCorrelationWebFilter(ObservabilityProperties properties,
				ObjectProvider<Tracer> tracer) {
			return new ReactiveCorrelationWebFilter(properties.correlation(), tracer);
		}

	}

}
