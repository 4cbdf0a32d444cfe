package io.fleetgrid.gateway.security;

import java.util.List;

import io.fleetgrid.gateway.error.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.web.server.ServerWebExchange;

/**
 * How the gateway answers a caller it does not let through. A browser navigating to a
 * portal page (GET, {@code Accept: text/html}, outside {@code /api/}) is redirected to
 * the login; everyone else, every {@code /api/} call in particular, gets a 401 problem
 * with {@code WWW-Authenticate: Bearer} (never a redirect). Refusals after authentication
 * (a missing CSRF token) are 403 problems.
 */
final class ProblemSecurityHandlers {

	private final ProblemResponses problems;

	private final RedirectServerAuthenticationEntryPoint loginRedirect;

	ProblemSecurityHandlers(ProblemResponses problems, String loginPath) {
		this.problems = problems;
		this.loginRedirect = new RedirectServerAuthenticationEntryPoint(loginPath);
	}

	/**
	 * Entry point of the whole chain: login redirect for page navigation, else 401.
	 * @return the entry point
	 */
	ServerAuthenticationEntryPoint entryPoint() {
		return (exchange, ex) -> isPageNavigation(exchange.getRequest()) ? this.loginRedirect.commence(exchange, ex)
				: unauthorized(exchange, ex);
	}

	/**
	 * Entry point of bearer-token failures: always 401.
	 * @return the entry point
	 */
	ServerAuthenticationEntryPoint bearerEntryPoint() {
		return this::unauthorized;
	}

	/**
	 * Failure of a bearer token check: 401, or 503 when the token could not be checked
	 * because the issuer's keys cannot be fetched. (Without this, the error would reach
	 * the OAuth2 login filter, which answers with a redirect to {@code /login?error}.)
	 * @return the failure handler
	 */
	ServerAuthenticationFailureHandler bearerFailureHandler() {
		return (webFilterExchange, ex) -> {
			if (ex instanceof AuthenticationServiceException) {
				return this.problems.write(webFilterExchange.getExchange(),
						ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
								"The identity provider is not reachable, so the token cannot be checked. Retry later."),
						(headers) -> headers.set(HttpHeaders.RETRY_AFTER, "5"));
			}
			return unauthorized(webFilterExchange.getExchange(), ex);
		};
	}

	/**
	 * 403 problem.
	 * @return the handler
	 */
	ServerAccessDeniedHandler accessDenied() {
		return (exchange, ex) -> {
			String detail = (ex instanceof CsrfException)
					? "Missing or invalid CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header."
					: "Access denied.";
			return this.problems.write(exchange, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail));
		};
	}

	private Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException ex) {
		boolean invalidToken = ex instanceof OAuth2AuthenticationException;
		String detail = invalidToken ? "The bearer token is invalid or expired."
				: "Authentication required: send a bearer token (OAuth2) or log in to the portal.";
		String challenge = invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer";
		return this.problems.write(exchange, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail),
				(headers) -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge));
	}

	static boolean isPageNavigation(ServerHttpRequest request) {
		if (!HttpMethod.GET.equals(request.getMethod()) || request.getPath().value().startsWith("/api/")
				|| "XMLHttpRequest".equals(request.getHeaders().getFirst("X-Requested-With"))) {
			return false;
		}
		List<MediaType> accept = request.getHeaders().getAccept();
		return accept.stream().anyMatch((type) -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
	}

}
