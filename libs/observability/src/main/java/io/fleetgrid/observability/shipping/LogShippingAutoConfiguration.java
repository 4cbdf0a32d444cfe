package io.fleetgrid.observability.shipping;

import java.util.List;

import io.fleetgrid.observability.ObservabilityProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Ships the service's log events to Kafka ({@link LogShipping}) when
 * {@link OnLogShippingCondition shipping is on}. No logback configuration file is needed:
 * the appender is attached to the root logger programmatically.
 */
@AutoConfiguration
@ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
@Conditional(OnLogShippingCondition.class)
@EnableConfigurationProperties(LogShippingProperties.class)
public final class LogShippingAutoConfiguration {

	@Bean(initMethod = "start", destroyMethod = "close")
	LogShipping logShipping(LogShippingProperties properties, Environment environment) {
		Binder binder = Binder.get(environment);
		List<String> servers = properties.bootstrapServers();
		if (servers == null || servers.isEmpty()) {
			servers = binder.bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
				.orElse(List.of("localhost:9092"));
		}
		String service = environment.getProperty("spring.application.name", "application");
		String instance = environment.getProperty(ObservabilityProperties.PREFIX + ".instance-id", service);
		return new LogShipping(service, instance, servers, properties);
	}

}
