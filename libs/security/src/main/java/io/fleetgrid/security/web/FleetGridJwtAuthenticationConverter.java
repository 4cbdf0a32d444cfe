package io.fleetgrid.security.web;

import java.util.ArrayList;
import java.util.List;

import io.fleetgrid.security.Caller;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.tenant.TenantDirectory;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a FleetGrid access token into an authentication: each known name in the
 * {@code roles} claim becomes a {@code ROLE_*} authority (the role hierarchy is applied
 * by Spring Security's {@code RoleHierarchy}), and a token of a suspended tenant is
 * refused as an invalid token, so it stops working at once rather than when it expires.
 */
public final class FleetGridJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final TenantDirectory tenants;

	/**
	 * Creates the converter.
	 * @param tenants the tenant statuses to honour
	 */
	public FleetGridJwtAuthenticationConverter(TenantDirectory tenants) {
		this.tenants = tenants;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		Caller caller = Caller.fromJwt(jwt);
		if (caller.tenantId() != null && this.tenants.isSuspended(caller.tenantId())) {
			throw new InvalidBearerTokenException("The tenant '" + caller.tenantId() + "' is suspended");
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (Role role : caller.roles()) {
			authorities.add(new SimpleGrantedAuthority(role.authority()));
		}
		return new JwtAuthenticationToken(jwt, authorities, caller.subject());
	}

}
