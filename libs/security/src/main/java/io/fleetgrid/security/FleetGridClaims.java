package io.fleetgrid.security;

/**
 * Names of the JWT claims that auth-service issues and every service reads. {@code sub}
 * is the user id, or the client id for API clients.
 */
public final class FleetGridClaims {

	/** The caller's tenant id; absent for OPERATOR and SERVICE callers. */
	public static final String TENANT = "tenant";

	/** JSON array of role names without prefix, for example {@code ["FLEET_MANAGER"]}. */
	public static final String ROLES = "roles";

	/** The OAuth2 client the token was issued to. */
	public static final String CLIENT_ID = "client_id";

	/** The user's e-mail address (users only). */
	public static final String EMAIL = "email";

	/** The user's display name (users only). */
	public static final String NAME = "name";

	private FleetGridClaims() {
	}

}
