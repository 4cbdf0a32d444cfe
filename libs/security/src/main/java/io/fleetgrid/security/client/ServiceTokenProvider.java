package io.fleetgrid.security.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Obtains this service's access token with the OAuth2 {@code client_credentials} grant
 * and caches it until shortly before it expires, so that calls to other services cost one
 * token request per token lifetime, not one per call.
 */
public class ServiceTokenProvider {

	private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

	private final RestClient http;

	private final String tokenUri;

	private final String clientId;

	private final String clientSecret;

	private final Clock clock;

	private @Nullable CachedToken cached;

	/**
	 * Creates the provider.
	 * @param http the HTTP client (timeouts configured by the caller)
	 * @param tokenUri the token endpoint
	 * @param clientId this service's client id
	 * @param clientSecret this service's client secret
	 * @param clock the clock
	 */
	public ServiceTokenProvider(RestClient http, String tokenUri, String clientId, String clientSecret, Clock clock) {
		this.http = http;
		this.tokenUri = tokenUri;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.clock = clock;
	}

	/**
	 * A valid access token, fetched if none is cached or the cached one expires soon.
	 * @return the bearer token value
	 */
	public synchronized String token() {
		Instant now = this.clock.instant();
		CachedToken current = this.cached;
		if (current != null && now.isBefore(current.refreshAt())) {
			return current.value();
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		Map<?, ?> response = this.http.post()
			.uri(this.tokenUri)
			.headers((headers) -> headers.setBasicAuth(this.clientId, this.clientSecret))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.body(Map.class);
		Object token = (response != null) ? response.get("access_token") : null;
		if (!(token instanceof String value)) {
			throw new IllegalStateException("The token endpoint " + this.tokenUri + " returned no access_token");
		}
		long expiresIn = (response.get("expires_in") instanceof Number number) ? number.longValue() : 60;
		Instant refreshAt = now.plusSeconds(expiresIn).minus(EXPIRY_MARGIN);
		this.cached = new CachedToken(value, refreshAt.isAfter(now) ? refreshAt : now);
		return value;
	}

	/** Forgets the cached token, for example after a 401 from the callee. */
	public synchronized void invalidate() {
		this.cached = null;
	}

	private record CachedToken(String value, Instant refreshAt) {
	}

}
