package io.fleetgrid.auth.server;

import java.time.Clock;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.fleetgrid.auth.config.AuthProperties;
import io.fleetgrid.auth.key.SigningKeyStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The OAuth2 / OIDC authorization server: its endpoints (authorize, token, JWKS,
 * discovery, userinfo, logout, revocation, introspection) in the first security filter
 * chain, authorizations in PostgreSQL, tokens signed by the {@link SigningKeyStore}.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

	/**
	 * The authorization server's endpoints. A browser that is not signed in is sent to
	 * the login page.
	 * @param http the security builder
	 * @return the chain
	 * @throws Exception if it cannot be built
	 */
	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuerUri()).build();
	}

	/**
	 * Authorizations (codes, access, refresh and ID tokens) in PostgreSQL, so that they
	 * survive a restart and are shared by all instances.
	 * @param jdbc database access
	 * @param clients the registered clients
	 * @return the service
	 */
	@Bean
	OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationService(jdbc, clients);
	}

	/**
	 * Validates the tokens of this server against its own keys, without an HTTP call to
	 * its own JWKS: used by the userinfo endpoint and the {@code /api/v1/**} resource
	 * server.
	 * @param keys the signing keys
	 * @param properties the issuer
	 * @return the decoder
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, AuthProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuerUri()));
		return decoder;
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(AuthProperties properties, Clock clock,
			MeterRegistry meters) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(properties.rateLimit(), clock, meters));
		registration.addUrlPatterns(RateLimitFilter.TOKEN_PATH, RateLimitFilter.LOGIN_PATH);
		// Before Spring Security's filter (order -100).
		registration.setOrder(-110);
		return registration;
	}

}
