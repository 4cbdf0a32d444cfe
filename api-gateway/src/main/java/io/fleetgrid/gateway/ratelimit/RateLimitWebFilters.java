package io.fleetgrid.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import io.fleetgrid.gateway.error.GatewayProblemException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The two rate-limiting web filters. {@link #beforeSecurity()} runs before Spring
 * Security, so a flood is refused before any token is verified: per client IP, and per
 * device credential on {@code POST /api/v1/telemetry}. The gateway cannot check a
 * device's token (ingest does), so the device bucket is keyed by the device id together
 * with a digest of the whole credential: someone sending a device's id with wrong tokens
 * fills buckets of their own (and their IP's), never the bucket of the real device.
 * {@link #afterSecurity()} runs once the caller is known: per API client
 * ({@code client_id} claim, else {@code sub}) or portal user.
 */
public final class RateLimitWebFilters {

	/** The telemetry endpoint, limited per device. */
	public static final String TELEMETRY_PATH = "/api/v1/telemetry";

	/**
	 * Order of Spring Security's {@code WebFilterChainProxy}
	 * ({@code WebFluxSecurityConfiguration.WEB_FILTER_CHAIN_FILTER_ORDER}).
	 */
	static final int SECURITY_ORDER = -100;

	private final TokenBucketRateLimiter limiter;

	private final RateLimitProperties properties;

	private final RemoteAddressResolver addressResolver;

	/**
	 * Creates the filters.
	 * @param limiter the buckets
	 * @param properties the limits
	 */
	public RateLimitWebFilters(TokenBucketRateLimiter limiter, RateLimitProperties properties) {
		this.limiter = limiter;
		this.properties = properties;
		this.addressResolver = (properties.trustedProxyHops() > 0)
				? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxyHops())
				: new RemoteAddressResolver() {
				};
	}

	/**
	 * Per IP and per device, ordered before Spring Security.
	 * @return the filter
	 */
	public WebFilter beforeSecurity() {
		return new OrderedWebFilter(SECURITY_ORDER - 10) {

			@Override
			public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
				return Mono.fromRunnable(() -> {
					check("ip:" + clientIp(exchange), RateLimitWebFilters.this.properties.perIp(), "this IP address");
					String device = deviceKey(exchange.getRequest());
					if (device != null) {
						check("device:" + device, RateLimitWebFilters.this.properties.perDevice(), "this device");
					}
				}).then(chain.filter(exchange));
			}

		};
	}

	/**
	 * Per API client or user, ordered after Spring Security.
	 * @return the filter
	 */
	public WebFilter afterSecurity() {
		return new OrderedWebFilter(SECURITY_ORDER + 10) {

			@Override
			public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
				return exchange.getPrincipal()
					.mapNotNull(RateLimitWebFilters::clientKey)
					.doOnNext((key) -> check(key, RateLimitWebFilters.this.properties.perClient(), "this client"))
					.then(chain.filter(exchange));
			}

		};
	}

	private void check(String key, RateLimitProperties.Limit limit, String what) {
		if (!this.properties.enabled()) {
			return;
		}
		Duration retryAfter = this.limiter.tryAcquire(key, limit);
		if (!retryAfter.isZero()) {
			throw new GatewayProblemException(HttpStatus.TOO_MANY_REQUESTS,
					"Too many requests from " + what + ": at most " + limit.capacity() + " per " + limit.period()
							+ ". Retry after " + GatewayProblemException.retryAfterSeconds(retryAfter) + " s.",
					retryAfter, null);
		}
	}

	private String clientIp(ServerWebExchange exchange) {
		InetSocketAddress address = this.addressResolver.resolve(exchange);
		if (address == null) {
			return "unknown";
		}
		return (address.getAddress() != null) ? address.getAddress().getHostAddress() : address.getHostString();
	}

	/**
	 * The device bucket's key of a telemetry request: the Basic user name (the device id)
	 * and the first 96 bits of the SHA-256 of the whole credential.
	 * @param request the request
	 * @return the key, or null if the request is not telemetry with Basic credentials
	 */
	static @Nullable String deviceKey(ServerHttpRequest request) {
		if (!HttpMethod.POST.equals(request.getMethod()) || !TELEMETRY_PATH.equals(request.getPath().value())) {
			return null;
		}
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			String id = (colon >= 0) ? decoded.substring(0, colon) : decoded;
			if (id.isEmpty() || id.length() > 128) {
				return null;
			}
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(decoded.getBytes(StandardCharsets.UTF_8));
			return id + "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	static @Nullable String clientKey(Principal principal) {
		if (principal instanceof JwtAuthenticationToken jwt) {
			String clientId = jwt.getToken().getClaimAsString("client_id");
			return "client:" + ((clientId != null) ? clientId : jwt.getToken().getSubject());
		}
		if (principal instanceof OAuth2AuthenticationToken user) {
			return "client:" + user.getName();
		}
		return null;
	}

	private abstract static class OrderedWebFilter implements WebFilter, Ordered {

		private final int order;

		OrderedWebFilter(int order) {
			this.order = order;
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

}
