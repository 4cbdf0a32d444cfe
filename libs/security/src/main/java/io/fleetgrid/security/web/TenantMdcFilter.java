package io.fleetgrid.security.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import io.fleetgrid.security.Caller;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller's tenant into the MDC key {@code tenantId} for the rest of the request,
 * so every log line written while serving it names the tenant (the observability library
 * prints MDC entries as top-level JSON fields).
 */
public final class TenantMdcFilter extends OncePerRequestFilter {

	/**
	 * The MDC key; the same as the observability library's {@code LogFields.TENANT_ID}.
	 */
	public static final String MDC_KEY = "tenantId";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String tenant = (authentication instanceof JwtAuthenticationToken) ? Caller.from(authentication).tenantId()
				: null;
		if (tenant == null) {
			chain.doFilter(request, response);
			return;
		}
		MDC.put(MDC_KEY, tenant);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

}
