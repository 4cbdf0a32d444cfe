package io.fleetgrid.device.credentials;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The token hasher, keyed with the configured pepper.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CredentialProperties.class)
class CredentialConfiguration {

	@Bean
	TokenHasher tokenHasher(CredentialProperties properties) {
		return new TokenHasher(properties.pepper());
	}

}
