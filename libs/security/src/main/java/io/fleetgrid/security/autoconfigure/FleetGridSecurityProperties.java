package io.fleetgrid.security.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the FleetGrid security library.
 *
 * @param publicPaths path patterns served without a token (for example ingest's
 * {@code /api/v1/telemetry}, which checks device credentials itself)
 * @param internalPaths path patterns only other FleetGrid services (role SERVICE) may
 * call; the gateway never routes them
 * @param serviceClient this service's own OAuth2 client for calls to other services
 * @param tenantStatus following tenant suspensions
 */
@ConfigurationProperties("fleetgrid.security")
public record FleetGridSecurityProperties(@DefaultValue List<String> publicPaths,
		@DefaultValue("/internal/**") List<String> internalPaths, @DefaultValue ServiceClient serviceClient,
		@DefaultValue TenantStatus tenantStatus) {

	/**
	 * This service's client-credentials client. Service tokens are used only when both id
	 * and secret are set.
	 *
	 * @param clientId client id (env {@code FLEETGRID_SERVICE_CLIENT_ID}; the library
	 * defaults it to {@code svc-<spring.application.name>})
	 * @param clientSecret client secret (env {@code FLEETGRID_SERVICE_CLIENT_SECRET})
	 * @param tokenUri token endpoint; defaults to the issuer's {@code /oauth2/token}
	 * @param timeout connect and read timeout of token requests
	 */
	public record ServiceClient(@Nullable String clientId, @Nullable String clientSecret, @Nullable String tokenUri,
			@DefaultValue("5s") Duration timeout) {
	}

	/**
	 * Following {@code fleetgrid.tenants.v1}.
	 *
	 * @param enabled whether to follow the topic (needs a Kafka client and
	 * {@code spring.kafka.bootstrap-servers}); when off, every tenant counts as active
	 */
	public record TenantStatus(@DefaultValue("true") boolean enabled) {
	}

}
