package io.fleetgrid.auth;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.fleetgrid.contracts.event.AuditEvent;
import io.fleetgrid.contracts.topic.Topics;
import org.junit.jupiter.api.Test;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal's authorization-code + PKCE flow through the real login form, refresh token
 * rotation, and the lockout after repeated failed logins.
 */
class AuthorizationCodeFlowIntegrationTests extends AuthIntegrationTestSupport {

	@Test
	void authorizationCodeWithPkceThroughTheLoginFormIssuesIdAccessAndRefreshTokens() {
		String tokens = authorize("manager@demo.local", DEMO_PASSWORD);

		Map<String, Object> access = TokenIntegrationTests.claims(JsonPath.read(tokens, "$.access_token"));
		Map<String, Object> id = TokenIntegrationTests.claims(JsonPath.read(tokens, "$.id_token"));
		assertThat(UUID.fromString((String) access.get("sub"))).isNotNull();
		assertThat(access).containsEntry("tenant", "demo")
			.containsEntry("roles", List.of("FLEET_MANAGER"))
			.containsEntry("email", "manager@demo.local")
			.containsEntry("name", "Demo Fleet Manager")
			.containsEntry("client_id", PORTAL_CLIENT);
		assertThat(id).containsEntry("sub", access.get("sub")).containsEntry("email", "manager@demo.local");
		assertThat((String) JsonPath.read(tokens, "$.refresh_token")).isNotBlank();
		HttpResponse<String> me = call("GET", "/api/v1/users/me", JsonPath.read(tokens, "$.access_token"), null);
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(me.body(), "$.email")).isEqualTo("manager@demo.local");
	}

	@Test
	void userReadsUserinfoAndRenamesThemselves() {
		String accessToken = JsonPath.read(authorize("admin@demo.local", DEMO_PASSWORD), "$.access_token");

		HttpResponse<String> userinfo = call("GET", "/userinfo", accessToken, null);
		HttpResponse<String> renamed = call("PATCH", "/api/v1/users/me", accessToken,
				"{\"displayName\":\"Demo Admin\"}");
		HttpResponse<String> wrongPassword = call("PATCH", "/api/v1/users/me", accessToken,
				"{\"currentPassword\":\"not-it\",\"newPassword\":\"a-new-password-1\"}");

		assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(userinfo.body(), "$.email")).isEqualTo("admin@demo.local");
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(renamed.body(), "$.role")).isEqualTo("ADMIN");
		assertThat(wrongPassword.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(wrongPassword.body(), "$.detail")).contains("currentPassword");
	}

	@Test
	void refreshTokenIsRotatedAndTheOldOneRefused() {
		String tokens = authorize("user@demo.local", DEMO_PASSWORD);
		String firstRefresh = JsonPath.read(tokens, "$.refresh_token");

		HttpResponse<String> refreshed = refresh(firstRefresh);
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		String secondRefresh = JsonPath.read(refreshed.body(), "$.refresh_token");
		assertThat(secondRefresh).isNotEqualTo(firstRefresh);

		HttpResponse<String> reused = refresh(firstRefresh);
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(reused.body(), "$.error")).isEqualTo("invalid_grant");
		assertThat(refresh(secondRefresh).statusCode()).isEqualTo(200);
	}

	@Test
	void locksTheAccountAfterThreeFailedLogins() {
		NewTenant tenant = createTenant("lockout");
		String admin = token(tenant.adminClientId(), tenant.adminSecret());
		String email = "locked-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> created = call("POST", "/api/v1/users", admin, "{\"email\":\"" + email
				+ "\",\"displayName\":\"Locked Out\",\"role\":\"USER\",\"password\":\"correct-password-1\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		BrowserLogin browser = new BrowserLogin(base());

		assertThat(browser.location(browser.login(email, "wrong-1"))).endsWith("/login?error=credentials");
		assertThat(browser.location(browser.login(email, "wrong-2"))).endsWith("/login?error=credentials");
		assertThat(browser.location(browser.login(email, "wrong-3"))).endsWith("/login?error=locked");

		assertThat(browser.location(browser.login(email, "correct-password-1"))).endsWith("/login?error=locked");
		String userId = JsonPath.read(created.body(), "$.id");
		HttpResponse<String> user = call("GET", "/api/v1/users/" + userId, admin, null);
		assertThat((Boolean) JsonPath.read(user.body(), "$.locked")).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(records(Topics.AUDIT, tenant.id()))
				.filteredOn((event) -> userId.equals(event.actor()))
				.extracting(AuditEvent::action)
				.containsSubsequence("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOCKED_OUT"));
	}

	@Test
	void wrongPasswordShowsTheLoginPageAgain() {
		BrowserLogin browser = new BrowserLogin(base());

		HttpResponse<String> failed = browser.login("user@demo.local", "not-the-password");

		assertThat(browser.location(failed)).endsWith("/login?error=credentials");
		assertThat(browser.get(browser.location(failed)).body()).contains("Wrong e-mail address or password");
	}

	/**
	 * Runs the whole flow as the portal would.
	 * @param email user
	 * @param password password
	 * @return the token response body
	 */
	private String authorize(String email, String password) {
		BrowserLogin browser = new BrowserLogin(base());
		String verifier = "verifier-" + UUID.randomUUID() + "-" + UUID.randomUUID();
		String authorize = UriComponentsBuilder.fromUriString(base() + "/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", PORTAL_CLIENT)
			.queryParam("scope", "openid profile email")
			.queryParam("redirect_uri", PORTAL_REDIRECT)
			.queryParam("state", "state-42")
			.queryParam("code_challenge", BrowserLogin.challenge(verifier))
			.queryParam("code_challenge_method", "S256")
			.encode()
			.build()
			.toUriString();

		HttpResponse<String> toLogin = browser.get(authorize);
		assertThat(toLogin.statusCode()).isEqualTo(302);
		assertThat(browser.location(toLogin)).endsWith("/login");
		HttpResponse<String> loggedIn = browser.login(email, password);
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		HttpResponse<String> toPortal = browser.get(browser.location(loggedIn));
		assertThat(toPortal.statusCode()).as(toPortal.body()).isEqualTo(302);
		String callback = browser.location(toPortal);
		assertThat(callback).startsWith(PORTAL_REDIRECT).contains("state=state-42");
		String code = UriComponentsBuilder.fromUriString(callback).build().getQueryParams().getFirst("code");

		HttpResponse<String> tokens = send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
			.header("Authorization", basic(PORTAL_CLIENT, PORTAL_SECRET))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields("grant_type", "authorization_code", "code", code,
					"redirect_uri", PORTAL_REDIRECT, "code_verifier", verifier))))
			.build());
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		return tokens.body();
	}

	private HttpResponse<String> refresh(String refreshToken) {
		return send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
			.header("Authorization", basic(PORTAL_CLIENT, PORTAL_SECRET))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(form(fields("grant_type", "refresh_token", "refresh_token", refreshToken))))
			.build());
	}

}
