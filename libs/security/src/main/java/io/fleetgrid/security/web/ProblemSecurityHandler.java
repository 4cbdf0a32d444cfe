package io.fleetgrid.security.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Writes 401 and 403 as RFC 9457 problem+json, so that a caller gets the same error
 * format from the security layer as from the controllers. A 401 also carries the
 * {@code WWW-Authenticate: Bearer} challenge of RFC 6750.
 */
public final class ProblemSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		String detail = "A valid bearer token is required";
		String challenge = "Bearer";
		if (exception instanceof OAuth2AuthenticationException oauth) {
			String description = oauth.getError().getDescription();
			detail = (description != null) ? description : oauth.getError().getErrorCode();
			challenge = "Bearer error=\"" + oauth.getError().getErrorCode() + "\"";
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		write(request, response, HttpStatus.UNAUTHORIZED, detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		String message = exception.getMessage();
		String detail = (message == null || message.equals("Access Denied"))
				? "The caller's role does not allow this request" : message;
		write(request, response, HttpStatus.FORBIDDEN, detail);
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String body = "{\"type\":\"about:blank\",\"title\":" + quote(status.getReasonPhrase()) + ",\"status\":"
				+ status.value() + ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(request.getRequestURI())
				+ "}";
		response.getWriter().write(body);
	}

	static String quote(String value) {
		StringBuilder json = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
