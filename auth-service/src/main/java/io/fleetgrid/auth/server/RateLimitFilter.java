package io.fleetgrid.auth.server;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;

import io.fleetgrid.auth.config.AuthProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with {@code Retry-After} (problem+json) when a client id or a remote
 * address calls the token endpoint, or a remote address posts the login form, more often
 * than its budget ({@code fleetgrid.auth.rate-limit.*}) allows. Runs before Spring
 * Security, so a flood costs no password hashing.
 */
public class RateLimitFilter extends OncePerRequestFilter {

	static final String TOKEN_PATH = "/oauth2/token";

	static final String LOGIN_PATH = "/login";

	private final TokenBuckets tokenPerClient;

	private final TokenBuckets tokenPerIp;

	private final TokenBuckets loginPerIp;

	private final Counter limited;

	RateLimitFilter(AuthProperties.RateLimit limits, Clock clock, MeterRegistry meters) {
		this.tokenPerClient = new TokenBuckets(limits.tokenPerClient(), clock);
		this.tokenPerIp = new TokenBuckets(limits.tokenPerIp(), clock);
		this.loginPerIp = new TokenBuckets(limits.loginPerIp(), clock);
		this.limited = Counter.builder("fleetgrid.auth.rate.limited")
			.description("Requests answered 429 by the token-endpoint and login rate limits")
			.register(meters);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || !(TOKEN_PATH.equals(path) || LOGIN_PATH.equals(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String ip = request.getRemoteAddr();
		long retryAfter;
		String what;
		if (TOKEN_PATH.equals(path)) {
			String clientId = clientId(request);
			retryAfter = (clientId != null) ? this.tokenPerClient.tryTake(clientId) : 0;
			what = "client " + clientId;
			if (retryAfter == 0) {
				retryAfter = this.tokenPerIp.tryTake(ip);
				what = "address " + ip;
			}
		}
		else {
			retryAfter = this.loginPerIp.tryTake(ip);
			what = "address " + ip;
		}
		if (retryAfter == 0) {
			chain.doFilter(request, response);
			return;
		}
		this.limited.increment();
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Too many requests to "
					+ path + " from " + json(what) + "; retry after " + retryAfter + " s\",\"instance\":\"" + path
					+ "\"}");
	}

	private static String clientId(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				if (colon > 0) {
					return URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
				}
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return request.getParameter("client_id");
	}

	private static String json(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				escaped.append('\\').append(c);
			}
			else if (c < 0x20) {
				escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
