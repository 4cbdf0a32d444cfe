package io.fleetgrid.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small, real OIDC issuer over HTTP for the gateway's tests: discovery document, JWKS
 * of a test RSA key, a token endpoint for the authorization-code grant (it records the
 * PKCE verifier and client authentication it got) and userinfo. Tokens are minted with
 * Nimbus and carry FleetGrid's claims ({@code tenant}, {@code roles}, {@code client_id}).
 */
final class FakeIssuer implements AutoCloseable {

	static final String PORTAL_CLIENT_ID = "fleetgrid-portal";

	static final String PORTAL_CLIENT_SECRET = "portal-test-secret";

	private final HttpServer server;

	private final RSAKey key;

	private final RSAKey strangerKey;

	private final Map<String, String> nonces = new ConcurrentHashMap<>();

	private final Map<String, String> lastTokenRequest = new ConcurrentHashMap<>();

	private FakeIssuer() throws IOException, JOSEException {
		this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
		// Same key id, different key: a token it signs must fail verification.
		this.strangerKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/.well-known/openid-configuration", this::discovery);
		this.server.createContext("/oauth2/jwks",
				(exchange) -> respond(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString()));
		this.server.createContext("/oauth2/token", this::token);
		this.server.createContext("/userinfo", (exchange) -> respond(exchange, 200,
				"{\"sub\":\"user-7\",\"name\":\"Ada Admin\",\"email\":\"admin@demo.local\"}"));
		this.server.start();
	}

	static FakeIssuer start() {
		try {
			return new FakeIssuer();
		}
		catch (IOException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * The next authorization code {@code code} belongs to an authorization request with
	 * this nonce (the token endpoint puts it into the ID token).
	 */
	void expectCode(String code, String nonce) {
		this.nonces.put(code, nonce);
	}

	/** Form parameters and {@code Authorization} of the last token request. */
	Map<String, String> lastTokenRequest() {
		return this.lastTokenRequest;
	}

	/** {@code Bearer ...} for an API client of a tenant. */
	String bearer(String subject, String tenant, String... roles) {
		return "Bearer " + sign(this.key, claims(subject, tenant, subject, Instant.now().plusSeconds(300), roles));
	}

	String expiredBearer() {
		return "Bearer " + sign(this.key, claims("client-x", "demo", "client-x", Instant.now().minusSeconds(600)));
	}

	String wrongSignatureBearer() {
		return "Bearer "
				+ sign(this.strangerKey, claims("client-x", "demo", "client-x", Instant.now().plusSeconds(300)));
	}

	private JWTClaimsSet claims(String subject, String tenant, String clientId, Instant expiresAt, String... roles) {
		return new JWTClaimsSet.Builder().issuer(uri())
			.subject(subject)
			.issueTime(Date.from(Instant.now().minusSeconds(5)))
			.expirationTime(Date.from(expiresAt))
			.claim("tenant", tenant)
			.claim("roles", Arrays.asList(roles))
			.claim("client_id", clientId)
			.build();
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void discovery(HttpExchange exchange) throws IOException {
		String issuer = uri();
		respond(exchange, 200, """
				{"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
				"jwks_uri":"%1$s/oauth2/jwks","userinfo_endpoint":"%1$s/userinfo",
				"end_session_endpoint":"%1$s/connect/logout","response_types_supported":["code"],
				"subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
				"scopes_supported":["openid","profile","email"],
				"token_endpoint_auth_methods_supported":["client_secret_basic"],
				"code_challenge_methods_supported":["S256"]}""".formatted(issuer));
	}

	private void token(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> form = Arrays.stream(body.split("&"))
			.map((pair) -> pair.split("=", 2))
			.collect(Collectors.toMap((pair) -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
					(pair) -> (pair.length > 1) ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
		this.lastTokenRequest.clear();
		this.lastTokenRequest.putAll(form);
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization != null) {
			this.lastTokenRequest.put("Authorization", authorization);
		}
		String nonce = this.nonces.remove(form.getOrDefault("code", ""));
		if (nonce == null || form.get("code_verifier") == null) {
			respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10));
		String accessToken = sign(this.key,
				new JWTClaimsSet.Builder(claims("user-7", "demo", PORTAL_CLIENT_ID, expiresAt, "ADMIN"))
					.claim("email", "admin@demo.local")
					.claim("name", "Ada Admin")
					.claim("scope", "openid profile email")
					.build());
		String idToken = sign(this.key,
				new JWTClaimsSet.Builder().issuer(uri())
					.subject("user-7")
					.audience(List.of(PORTAL_CLIENT_ID))
					.issueTime(new Date())
					.expirationTime(Date.from(expiresAt))
					.claim("nonce", nonce)
					.claim("name", "Ada Admin")
					.claim("email", "admin@demo.local")
					.claim("sid", UUID.randomUUID().toString())
					.build());
		respond(exchange, 200, """
				{"access_token":"%s","id_token":"%s","token_type":"Bearer","expires_in":600,
				"scope":"openid profile email"}""".formatted(accessToken, idToken));
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
