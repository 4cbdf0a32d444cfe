package io.fleetgrid.ingest.device;

import io.fleetgrid.security.tenant.TenantDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires device authentication and the device registry.
 */
@Configuration(proxyBeanMethods = false)
class DeviceConfiguration {

	@Bean
	DeviceAuthenticator deviceAuthenticator(DeviceCredentialsClient client, ObjectProvider<TenantDirectory> tenants,
			DeviceAuthProperties properties) {
		return new DeviceAuthenticator(client, tenants.getIfAvailable(() -> TenantDirectory.ALL_ACTIVE), properties);
	}

	@Bean
	DeviceRegistry deviceRegistry(Environment environment, DeviceAuthenticator authenticator) {
		return new DeviceRegistry(environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"),
				authenticator);
	}

}
