package io.fleetgrid.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 end to end: the real auth-service issues tokens and logs people in, the real
 * gateway checks them and routes through the real discovery server to the services.
 */
class IdentityEndToEndIntegrationTests {

	private final FleetGridProcesses fleetgrid = FleetGridProcesses.get();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void clientCredentialsTokenFromTheGatewayOpensProtectedEndpointsOfTwoServices() throws Exception {
		String token = this.fleetgrid.adminToken();

		HttpResponse<String> users = get("/api/v1/users", token);
		assertThat(users.statusCode()).isEqualTo(200);
		List<String> emails = JsonPath.read(users.body(), "$.items[*].email");
		assertThat(emails).contains("admin@demo.local", "manager@demo.local", "user@demo.local");

		HttpResponse<String> devices = get("/api/v1/devices", token);
		assertThat(devices.statusCode()).isEqualTo(200);
	}

	@Test
	void requestWithoutCredentialsIsRefusedWithProblemJson() throws Exception {
		HttpResponse<String> response = get("/api/v1/devices", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void internalEndpointsAreNotReachableThroughTheGateway() throws Exception {
		HttpResponse<String> response = get("/internal/v1/tenants/demo/users", this.fleetgrid.adminToken());

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void personLogsInThroughTheRealLoginFormAndTheGatewayRelaysTheirToken() {
		Browser browser = new Browser();
		String gateway = this.fleetgrid.gateway();

		// The portal page sends an anonymous browser to the login, with PKCE.
		HttpResponse<String> portal = browser.get(gateway + "/", "text/html");
		assertThat(Browser.isRedirect(portal)).isTrue();
		HttpResponse<String> authorization = browser.get(Browser.location(portal), "text/html");
		String authorize = Browser.location(authorization);
		assertThat(authorize).startsWith(this.fleetgrid.auth() + "/oauth2/authorize")
			.contains("code_challenge=")
			.contains("code_challenge_method=S256");

		// auth-service's own login page, CSRF token and all.
		HttpResponse<String> loginPage = browser.follow(browser.get(authorize, "text/html"), 5);
		assertThat(loginPage.statusCode()).isEqualTo(200);
		assertThat(loginPage.uri().toString()).startsWith(this.fleetgrid.auth() + "/login");
		HttpResponse<String> loggedIn = browser.postForm(loginPage.uri().toString(),
				Map.of("username", "manager@demo.local", "password", this.fleetgrid.secret("FLEETGRID_DEMO_PASSWORD"),
						"_csrf", Browser.csrf(loginPage.body())));

		// Back through the authorization endpoint to the gateway's callback, then the
		// portal.
		HttpResponse<String> landed = browser.follow(loggedIn, 6);
		assertThat(landed.statusCode()).isEqualTo(200);
		assertThat(landed.uri().toString()).startsWith(gateway + "/");

		HttpResponse<String> session = browser.get(gateway + "/api/v1/session", "application/json");
		assertThat(session.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(session.body(), "$.email")).isEqualTo("manager@demo.local");
		assertThat((String) JsonPath.read(session.body(), "$.tenant")).isEqualTo("demo");
		List<String> roles = JsonPath.read(session.body(), "$.roles");
		assertThat(roles).containsExactly("FLEET_MANAGER");

		// The session's access token is relayed to auth-service.
		HttpResponse<String> me = browser.get(gateway + "/api/v1/users/me", "application/json");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(me.body(), "$.email")).isEqualTo("manager@demo.local");
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.fleetgrid.gateway() + path))
			.header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
