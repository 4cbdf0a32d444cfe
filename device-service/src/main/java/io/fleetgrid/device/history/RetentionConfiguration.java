package io.fleetgrid.device.history;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention job.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionConfiguration {

	@Bean
	RetentionJob retentionJob(JdbcClient jdbc, RetentionProperties properties, Clock clock) {
		return new RetentionJob(jdbc, properties, clock);
	}

}
