package io.fleetgrid.gateway.security;

import io.fleetgrid.gateway.error.ProblemResponses;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.WebFilterExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemSecurityHandlersTests {

	private final ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(
			new ProblemResponses(ServerCodecConfigurer.create()), "/oauth2/authorization/fleetgrid");

	@Test
	void tokenThatCannotBeCheckedBecauseTheIssuerIsDownIsServiceUnavailable() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/devices"));

		this.handlers.bearerFailureHandler()
			.onAuthenticationFailure(new WebFilterExchange(exchange, (e) -> e.getResponse().setComplete()),
					new AuthenticationServiceException("Unable to resolve the Configuration"))
			.block();

		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(503);
		assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void invalidTokenIsUnauthorizedWithBearerChallenge() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/devices"));

		this.handlers.bearerFailureHandler()
			.onAuthenticationFailure(new WebFilterExchange(exchange, (e) -> e.getResponse().setComplete()),
					new OAuth2AuthenticationException(new OAuth2Error("invalid_token")))
			.block();

		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(401);
		assertThat(exchange.getResponse().getHeaders().getFirst("WWW-Authenticate")).contains("invalid_token");
	}

	@Test
	void onlyHtmlPageNavigationOutsideTheApiIsAPageNavigation() {
		assertThat(ProblemSecurityHandlers
			.isPageNavigation(MockServerHttpRequest.get("/").header("Accept", "text/html,*/*").build())).isTrue();
		assertThat(ProblemSecurityHandlers
			.isPageNavigation(MockServerHttpRequest.get("/api/v1/devices").header("Accept", "text/html").build()))
			.isFalse();
		assertThat(ProblemSecurityHandlers
			.isPageNavigation(MockServerHttpRequest.get("/").header("Accept", "*/*").build())).isFalse();
		assertThat(ProblemSecurityHandlers
			.isPageNavigation(MockServerHttpRequest.post("/").header("Accept", "text/html").build())).isFalse();
	}

}
