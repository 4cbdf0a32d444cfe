package io.fleetgrid.gateway;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as the portal's OAuth2 client (backend-for-frontend), driven over real HTTP
 * against a real (small) OIDC issuer: login redirect with PKCE, the code exchange,
 * session cookie, {@code /api/v1/session}, token relay, CSRF, logout.
 */
class PortalLoginIntegrationTests extends GatewayTestSupport {

	private final Map<String, String> cookies = new LinkedHashMap<>();

	@Test
	void redirectsAnUnauthenticatedBrowserToTheLogin() throws Exception {
		HttpResponse<String> response = send(request("GET", "/").header("Accept", "text/html"));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/fleetgrid");
	}

	@Test
	void loginRedirectsToTheIssuerWithPkce() throws Exception {
		HttpResponse<String> response = browser("GET", "/oauth2/authorization/fleetgrid");

		assertThat(response.statusCode()).isEqualTo(302);
		URI authorize = URI.create(response.headers().firstValue("Location").orElseThrow());
		assertThat(authorize.toString()).startsWith(ISSUER.uri() + "/oauth2/authorize?");
		Map<String, String> query = query(authorize);
		assertThat(query).containsEntry("response_type", "code")
			.containsEntry("client_id", FakeIssuer.PORTAL_CLIENT_ID)
			.containsEntry("code_challenge_method", "S256")
			.containsEntry("redirect_uri", "http://localhost:" + this.port + "/login/oauth2/code/fleetgrid")
			.containsKeys("code_challenge", "state", "nonce");
		assertThat(query.get("scope").split(" ")).contains("openid", "profile", "email");
		String sessionCookie = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.findFirst()
			.orElseThrow();
		assertThat(sessionCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax");
	}

	@Test
	void logsInAndUsesTheSessionLikeThePortal() throws Exception {
		logIn();

		HttpResponse<String> session = browser("GET", "/api/v1/session");
		assertThat(session.statusCode()).isEqualTo(200);
		assertThat(json(session).read("$.subject", String.class)).isEqualTo("user-7");
		assertThat(json(session).read("$.tenant", String.class)).isEqualTo("demo");
		List<String> roles = json(session).read("$.roles");
		assertThat(roles).containsExactly("ADMIN");
		assertThat(json(session).read("$.email", String.class)).isEqualTo("admin@demo.local");
		assertThat(json(session).read("$.authentication", String.class)).isEqualTo("session");

		HttpResponse<String> page = browser("GET", "/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("/assets/portal.js");

		HttpResponse<String> devices = browser("GET", "/api/v1/devices");
		assertThat(json(devices).read("$.authorization", String.class)).as("token relayed to the service")
			.startsWith("Bearer ey");
		assertThat(json(devices).read("$.cookie", String.class)).isNull();
	}

	@Test
	void thePortalReadsItsMapSettingsWithoutATileServerByDefault() throws Exception {
		logIn();

		HttpResponse<String> config = browser("GET", "/api/v1/portal/config");

		assertThat(config.statusCode()).isEqualTo(200);
		assertThat(json(config).read("$.mapTileUrl", String.class)).isEmpty();
		List<Double> center = json(config).read("$.mapCenter");
		assertThat(center).hasSize(2);
		assertThat(browser("GET", "/assets/portal.css").statusCode()).isEqualTo(200);
	}

	@Test
	void theAlertLinkOfANotificationEmailOpensThePortalsAlertPage() throws Exception {
		HttpResponse<String> anonymous = browser("GET", "/alerts/a-123");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElseThrow())
			.endsWith("/oauth2/authorization/fleetgrid");

		logIn();
		HttpResponse<String> link = browser("GET", "/alerts/a-123");

		assertThat(link.statusCode()).isEqualTo(302);
		assertThat(link.headers().firstValue("Location")).hasValue("/#/alerts/a-123");
	}

	@Test
	void sessionStateChangesNeedTheCsrfToken() throws Exception {
		logIn();
		browser("GET", "/api/v1/session");
		String csrf = this.cookies.get("XSRF-TOKEN");
		assertThat(csrf).as("XSRF-TOKEN cookie").isNotBlank();

		HttpResponse<String> without = browser("POST", "/api/v1/devices");
		HttpResponse<String> with = send(withCookies(request("POST", "/api/v1/devices")).header("X-XSRF-TOKEN", csrf));

		assertProblem(without, 403, "/api/v1/devices");
		assertThat(with.statusCode()).isEqualTo(200);
		assertThat(json(with).read("$.authorization", String.class)).startsWith("Bearer ey");
	}

	@Test
	void logoutEndsTheSessionAtTheIssuerAndComesBack() throws Exception {
		logIn();
		browser("GET", "/api/v1/session");
		String csrf = this.cookies.get("XSRF-TOKEN");

		HttpResponse<String> logout = send(
				withCookies(request("POST", "/logout").POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf))
					.setHeader("Content-Type", "application/x-www-form-urlencoded")));

		assertThat(logout.statusCode()).isEqualTo(302);
		URI endSession = URI.create(logout.headers().firstValue("Location").orElseThrow());
		assertThat(endSession.toString()).startsWith(ISSUER.uri() + "/connect/logout?");
		assertThat(query(endSession)).containsKey("id_token_hint")
			.containsEntry("post_logout_redirect_uri", "http://localhost:" + this.port + "/");
		assertThat(browser("GET", "/api/v1/session").statusCode()).isEqualTo(401);
	}

	private void logIn() throws Exception {
		HttpResponse<String> login = browser("GET", "/oauth2/authorization/fleetgrid");
		Map<String, String> authorize = query(URI.create(login.headers().firstValue("Location").orElseThrow()));
		String code = "code-" + System.nanoTime();
		ISSUER.expectCode(code, authorize.get("nonce"));

		HttpResponse<String> callback = browser("GET",
				"/login/oauth2/code/fleetgrid?code=" + code + "&state=" + encode(authorize.get("state")));

		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		assertThat(ISSUER.lastTokenRequest()).containsEntry("grant_type", "authorization_code")
			.containsKey("code_verifier");
		assertThat(ISSUER.lastTokenRequest().get("Authorization")).startsWith("Basic ");
	}

	private HttpResponse<String> browser(String method, String path) throws Exception {
		return send(withCookies(request(method, path).header("Accept", "text/html,application/json")));
	}

	private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
		if (!this.cookies.isEmpty()) {
			request.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
						.collect(Collectors.joining("; ")));
		}
		return request;
	}

	@Override
	HttpResponse<String> send(HttpRequest.Builder request) throws java.io.IOException, InterruptedException {
		HttpResponse<String> response = super.send(request);
		for (String setCookie : response.headers().allValues("Set-Cookie")) {
			String[] pair = setCookie.split(";", 2)[0].split("=", 2);
			if (pair[1].isEmpty() || setCookie.contains("Max-Age=0")) {
				this.cookies.remove(pair[0]);
			}
			else {
				this.cookies.put(pair[0], pair[1]);
			}
		}
		return response;
	}

	private static Map<String, String> query(URI uri) {
		return Arrays.stream(uri.getRawQuery().split("&"))
			.map((pair) -> pair.split("=", 2))
			.collect(Collectors.toMap((pair) -> pair[0], (pair) -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
					(a, b) -> a, LinkedHashMap::new));
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
