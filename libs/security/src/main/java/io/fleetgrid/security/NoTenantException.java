package io.fleetgrid.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * Thrown when a caller without a tenant (OPERATOR or SERVICE) asks for tenant data.
 * Spring Security turns it into a 403 problem+json.
 */
public class NoTenantException extends AccessDeniedException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param subject the caller
	 */
	public NoTenantException(String subject) {
		super("The caller '" + subject + "' belongs to no tenant and cannot access tenant data");
	}

}
