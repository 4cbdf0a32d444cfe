package io.fleetgrid.gateway.security;

import java.time.Duration;

import io.fleetgrid.gateway.error.GatewayProblemException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.StringUtils;

/**
 * The portal's client registration, built from the issuer's discovery document on first
 * use (not at start-up, so the gateway starts before auth-service) and then kept for
 * {@link #REFRESH_AFTER}. A failed discovery is retried on the next request and answered
 * 503 meanwhile. PKCE is required (S256), also for this confidential client.
 */
public class IssuerClientRegistrationRepository implements ReactiveClientRegistrationRepository {

	/** How long a discovered registration is kept before the issuer is asked again. */
	static final Duration REFRESH_AFTER = Duration.ofMinutes(10);

	private final PortalProperties properties;

	private final Mono<ClientRegistration> registration;

	/**
	 * Creates the repository.
	 * @param properties the portal client's settings
	 */
	public IssuerClientRegistrationRepository(PortalProperties properties) {
		this.properties = properties;
		this.registration = Mono.fromCallable(this::discover)
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap((ex) -> new GatewayProblemException(HttpStatus.SERVICE_UNAVAILABLE,
					"The identity provider is not reachable. Retry later.", Duration.ofSeconds(5), ex))
			.cache((value) -> REFRESH_AFTER, (error) -> Duration.ZERO, () -> Duration.ZERO);
	}

	@Override
	public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
		return this.properties.registrationId().equals(registrationId) ? this.registration : Mono.empty();
	}

	private ClientRegistration discover() {
		boolean confidential = StringUtils.hasText(this.properties.clientSecret());
		ClientRegistration.Builder builder = ClientRegistrations
			.fromIssuerLocation(this.properties.issuerUri().toString())
			.registrationId(this.properties.registrationId())
			.clientId(this.properties.clientId())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope(this.properties.scopes())
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
		if (confidential) {
			builder.clientSecret(this.properties.clientSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		}
		else {
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		return builder.build();
	}

}
