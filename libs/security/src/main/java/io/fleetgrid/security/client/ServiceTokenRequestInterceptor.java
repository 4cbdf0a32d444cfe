package io.fleetgrid.security.client;

import feign.RequestInterceptor;
import feign.RequestTemplate;

import org.springframework.http.HttpHeaders;

/**
 * Adds this service's bearer token to every Feign request that does not already carry an
 * {@code Authorization} header (a relayed user token wins).
 */
public final class ServiceTokenRequestInterceptor implements RequestInterceptor {

	private final ServiceTokenProvider tokens;

	/**
	 * Creates the interceptor.
	 * @param tokens where tokens come from
	 */
	public ServiceTokenRequestInterceptor(ServiceTokenProvider tokens) {
		this.tokens = tokens;
	}

	@Override
	public void apply(RequestTemplate template) {
		if (!template.headers().containsKey(HttpHeaders.AUTHORIZATION)) {
			template.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.token());
		}
	}

}
