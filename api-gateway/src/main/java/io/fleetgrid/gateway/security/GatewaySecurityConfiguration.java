package io.fleetgrid.gateway.security;

import java.net.URI;

import io.fleetgrid.gateway.error.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.WebFilter;

/**
 * The gateway's one security filter chain.
 * <ul>
 * <li>Public: {@code POST /api/v1/telemetry} (ingest checks the device's Basic
 * credentials), the authorization server's token/keys/discovery endpoints, the OpenAPI
 * documents and Swagger UI, health/info/prometheus, the portal's static assets.
 * {@code /internal/**} is never routed and answers 404.</li>
 * <li>Everything else needs a valid JWT bearer token (resource server; issuer from
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, resolved on first use) or
 * a portal session (OAuth2 login, authorization code with PKCE).</li>
 * <li>CSRF (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}) for state-changing
 * requests that carry cookies, unless they are bearer-token calls or one of the public
 * machine endpoints.</li>
 * <li>Logout ({@code POST /logout}) ends the session and the issuer's session
 * (RP-initiated logout) and comes back to {@code /}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PortalProperties.class, EdgeSecurityProperties.class })
public class GatewaySecurityConfiguration {

	/** Paths anyone may call. */
	static final String[] PUBLIC_PATHS = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
			"/webjars/**", "/oauth2/token", "/oauth2/jwks", "/oauth2/revoke", "/oauth2/introspect", "/.well-known/**",
			"/userinfo", "/assets/**", "/favicon.ico", "/error", "/internal/**" };

	/** Machine endpoints called with their own credentials: no CSRF token. */
	static final String[] CSRF_EXEMPT_POSTS = { "/api/v1/telemetry", "/oauth2/token", "/oauth2/revoke",
			"/oauth2/introspect" };

	@Bean
	SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, ProblemResponses problems,
			PortalProperties portal, EdgeSecurityProperties edge, ReactiveClientRegistrationRepository registrations) {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems, portal.loginPath());
		http.authorizeExchange((exchanges) -> exchanges.pathMatchers(HttpMethod.POST, "/api/v1/telemetry")
			.permitAll()
			.pathMatchers(PUBLIC_PATHS)
			.permitAll()
			.anyExchange()
			.authenticated());
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
			.authenticationEntryPoint(handlers.bearerEntryPoint())
			.authenticationFailureHandler(handlers.bearerFailureHandler())
			.accessDeniedHandler(handlers.accessDenied()));
		http.oauth2Login((login) -> login.loginPage(portal.loginPath()));
		http.logout((logout) -> logout
			.logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
					new WebSessionServerLogoutHandler()))
			.logoutSuccessHandler(logoutSuccessHandler(registrations, portal)));
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(handlers.entryPoint())
			.accessDeniedHandler(handlers.accessDenied()));
		http.csrf((csrf) -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
			// The plain (not BREACH-masked) token: the portal's script sends the
			// cookie's value back as it is.
			.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
			.requireCsrfProtectionMatcher(csrfRequired())
			.accessDeniedHandler(handlers.accessDenied()));
		http.addFilterAfter(csrfCookieFilter(), SecurityWebFiltersOrder.CSRF);
		http.cors((cors) -> cors.configurationSource(corsSource(edge.cors())));
		http.headers((headers) -> {
			headers.contentSecurityPolicy((csp) -> csp.policyDirectives(edge.headers().contentSecurityPolicy()))
				.referrerPolicy((referrer) -> referrer.policy(referrerPolicy(edge.headers().referrerPolicy())))
				.frameOptions((frames) -> frames.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
				.hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable);
			if (edge.headers().hsts().enabled()) {
				String hsts = edge.headers().hsts().value();
				headers.writer((exchange) -> Mono
					.fromRunnable(() -> exchange.getResponse().getHeaders().set("Strict-Transport-Security", hsts)));
			}
		});
		return http.build();
	}

	@Bean
	ReactiveClientRegistrationRepository portalClientRegistrationRepository(PortalProperties portal) {
		return new IssuerClientRegistrationRepository(portal);
	}

	/**
	 * The portal's tokens live in its web session (gone at logout or session expiry), not
	 * in a process-wide map.
	 * @return the repository
	 */
	@Bean
	ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new WebSessionServerOAuth2AuthorizedClientRepository();
	}

	private static OidcClientInitiatedServerLogoutSuccessHandler logoutSuccessHandler(
			ReactiveClientRegistrationRepository registrations, PortalProperties portal) {
		OidcClientInitiatedServerLogoutSuccessHandler handler = new OidcClientInitiatedServerLogoutSuccessHandler(
				registrations);
		handler.setPostLogoutRedirectUri(portal.postLogoutRedirectUri());
		handler.setLogoutSuccessUrl(URI.create("/"));
		return handler;
	}

	private static ReferrerPolicy referrerPolicy(String value) {
		for (ReferrerPolicy policy : ReferrerPolicy.values()) {
			if (policy.getPolicy().equalsIgnoreCase(value)) {
				return policy;
			}
		}
		throw new IllegalArgumentException("Unknown Referrer-Policy: " + value);
	}

	static ServerWebExchangeMatcher csrfRequired() {
		ServerWebExchangeMatcher exempt = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, CSRF_EXEMPT_POSTS);
		return (exchange) -> {
			HttpMethod method = exchange.getRequest().getMethod();
			// CSRF guards against ambient credentials: the session cookie. A request
			// without cookies (curl, a program) cannot ride a session and gets a plain
			// 401 when it has no token either.
			if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)
					|| HttpMethod.TRACE.equals(method) || hasBearerToken(exchange.getRequest().getHeaders())
					|| exchange.getRequest().getCookies().isEmpty()) {
				return MatchResult.notMatch();
			}
			return exempt.matches(exchange)
				.flatMap((result) -> result.isMatch() ? MatchResult.notMatch() : MatchResult.match());
		};
	}

	private static boolean hasBearerToken(HttpHeaders headers) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	/**
	 * Makes the lazily created CSRF token materialise on browser page and API reads, so
	 * the {@code XSRF-TOKEN} cookie is set for the portal's script.
	 * @return the filter
	 */
	private static WebFilter csrfCookieFilter() {
		return (exchange, chain) -> {
			if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())
					|| hasBearerToken(exchange.getRequest().getHeaders())) {
				return chain.filter(exchange);
			}
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			return (token != null) ? token.then(chain.filter(exchange)) : chain.filter(exchange);
		};
	}

	private static UrlBasedCorsConfigurationSource corsSource(EdgeSecurityProperties.Cors cors) {
		CorsConfiguration configuration = new CorsConfiguration();
		cors.allowedOrigins()
			.stream()
			.map(String::trim)
			.filter((origin) -> !origin.isEmpty())
			.forEach(configuration::addAllowedOriginPattern);
		configuration.setAllowedMethods(cors.allowedMethods());
		configuration.setAllowedHeaders(cors.allowedHeaders());
		configuration.setExposedHeaders(cors.exposedHeaders());
		configuration.setAllowCredentials(cors.allowCredentials());
		configuration.setMaxAge(cors.maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		return source;
	}

}
