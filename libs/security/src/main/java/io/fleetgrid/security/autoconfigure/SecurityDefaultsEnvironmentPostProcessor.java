package io.fleetgrid.security.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds the library's defaults as the lowest-precedence property source, so every service
 * trusts the same issuer and names its service client the same way without repeating it
 * in each {@code application.yml}:
 * <ul>
 * <li>{@code spring.security.oauth2.resourceserver.jwt.issuer-uri} =
 * {@code ${FLEETGRID_ISSUER_URI:http://localhost:9000}} (resolved lazily on the first
 * token, so a service starts before auth-service);</li>
 * <li>{@code fleetgrid.security.service-client.client-id} =
 * {@code ${FLEETGRID_SERVICE_CLIENT_ID:svc-<spring.application.name>}} and
 * {@code client-secret} = {@code ${FLEETGRID_SERVICE_CLIENT_SECRET:}} (service tokens are
 * used only when a secret is given).</li>
 * </ul>
 */
public class SecurityDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source this post-processor adds. */
	public static final String PROPERTY_SOURCE_NAME = "fleetgridSecurityDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String applicationName = environment.getProperty("spring.application.name", "fleetgrid");
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("spring.security.oauth2.resourceserver.jwt.issuer-uri",
				"${FLEETGRID_ISSUER_URI:http://localhost:9000}");
		defaults.put("fleetgrid.security.service-client.client-id",
				"${FLEETGRID_SERVICE_CLIENT_ID:svc-" + applicationName + "}");
		String secret = environment.getProperty("FLEETGRID_SERVICE_CLIENT_SECRET");
		if (secret != null && !secret.isBlank()) {
			defaults.put("fleetgrid.security.service-client.client-secret", secret);
		}
		environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
