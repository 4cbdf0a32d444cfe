package io.fleetgrid.security.test;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.fleetgrid.security.FleetGridClaims;
import io.fleetgrid.security.Role;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Access tokens for tests of services that use the FleetGrid security library. Tokens are
 * signed with a key generated once per test JVM; {@link Config} registers a
 * {@link JwtDecoder} that trusts exactly that key, replacing the issuer-uri decoder, so a
 * test needs no running auth-service. The claims are those auth-service issues.
 *
 * <pre class="code">
 * &#64;Import(TestTokens.Config.class)
 * ...
 * mvc.perform(get("/api/v1/devices").header("Authorization", TestTokens.bearer("tenant-a", Role.ADMIN)))
 * </pre>
 */
public final class TestTokens {

	/** Issuer of test tokens. */
	public static final String ISSUER = "https://auth.test.fleetgrid.invalid";

	private static final RSAKey KEY = generate();

	private TestTokens() {
	}

	/**
	 * The public half of the test signing key, for a reactive or hand-built decoder.
	 * @return the key
	 */
	public static RSAPublicKey publicKey() {
		try {
			return KEY.toRSAPublicKey();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An {@code Authorization} header value for a user of a tenant.
	 * @param tenant the tenant
	 * @param roles the roles
	 * @return {@code Bearer <jwt>}
	 */
	public static String bearer(String tenant, Role... roles) {
		return bearer(subject(tenant, roles), tenant, roles);
	}

	/**
	 * An {@code Authorization} header value for a named user of a tenant.
	 * @param subject the user id
	 * @param tenant the tenant, or null for callers outside every tenant
	 * @param roles the roles
	 * @return {@code Bearer <jwt>}
	 */
	public static String bearer(String subject, String tenant, Role... roles) {
		return "Bearer " + token(subject, tenant, Instant.now().plusSeconds(600), roles);
	}

	/**
	 * An {@code Authorization} header value for the platform operator.
	 * @return {@code Bearer <jwt>}
	 */
	public static String operator() {
		return bearer("fleetgrid-operator", (String) null, Role.OPERATOR);
	}

	/**
	 * An {@code Authorization} header value for another FleetGrid service.
	 * @return {@code Bearer <jwt>}
	 */
	public static String service() {
		return bearer("svc-test", (String) null, Role.SERVICE);
	}

	/**
	 * A signed token (without the {@code Bearer} prefix).
	 * @param subject the subject
	 * @param tenant the tenant, or null
	 * @param expiresAt expiry
	 * @param roles the roles
	 * @return the compact JWT
	 */
	public static String token(String subject, String tenant, Instant expiresAt, Role... roles) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put(FleetGridClaims.ROLES, Arrays.stream(roles).map(Role::name).toList());
		claims.put(FleetGridClaims.CLIENT_ID, "test-client");
		if (tenant != null) {
			claims.put(FleetGridClaims.TENANT, tenant);
		}
		return sign(subject, claims, expiresAt);
	}

	/**
	 * A signed token with arbitrary extra claims.
	 * @param subject the subject
	 * @param claims the claims besides iss, sub, iat, exp and jti
	 * @param expiresAt expiry
	 * @return the compact JWT
	 */
	public static String sign(String subject, Map<String, Object> claims, Instant expiresAt) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(subject)
			.issueTime(Date.from(expiresAt.minusSeconds(600)))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString());
		claims.forEach(builder::claim);
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
				builder.build());
		try {
			jwt.sign(new RSASSASigner(KEY));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static String subject(String tenant, Role... roles) {
		String role = (roles.length > 0) ? roles[0].name().toLowerCase(java.util.Locale.ROOT) : "nobody";
		return role + "@" + tenant;
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID("fleetgrid-test").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Registers a {@link JwtDecoder} that accepts the test tokens. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		JwtDecoder testTokensJwtDecoder() {
			return NimbusJwtDecoder.withPublicKey(publicKey()).build();
		}

	}

}
