package io.fleetgrid.auth;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client credentials tokens, their claims, the resource server of {@code /api/v1/**},
 * discovery and the token endpoint's rate limit.
 */
class TokenIntegrationTests extends AuthIntegrationTestSupport {

	@Test
	void clientCredentialsTokenOpensTheUsersApi() {
		String token = token(ADMIN_CLIENT, ADMIN_SECRET);

		HttpResponse<String> users = call("GET", "/api/v1/users", token, null);

		assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
		List<String> emails = JsonPath.read(users.body(), "$.items[*].email");
		assertThat(emails).contains("admin@demo.local", "manager@demo.local", "user@demo.local");
	}

	@Test
	void answers401ProblemWithoutToken() {
		HttpResponse<String> users = call("GET", "/api/v1/users", null, null);

		assertThat(users.statusCode()).isEqualTo(401);
		assertThat(users.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void clientTokenCarriesTenantRolesAndClientId() {
		Map<String, Object> claims = claims(token(ADMIN_CLIENT, ADMIN_SECRET));

		assertThat(claims).containsEntry("sub", ADMIN_CLIENT)
			.containsEntry("tenant", "demo")
			.containsEntry("roles", List.of("ADMIN"))
			.containsEntry("client_id", ADMIN_CLIENT)
			.containsEntry("iss", "http://localhost:9000");
		long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
		assertThat(lifetime).isEqualTo(600);
	}

	@Test
	void operatorTokenHasNoTenant() {
		Map<String, Object> claims = claims(token(OPERATOR_CLIENT, OPERATOR_SECRET));

		assertThat(claims).doesNotContainKey("tenant").containsEntry("roles", List.of("OPERATOR"));
	}

	@Test
	void serviceClientFromConfigurationGetsServiceRole() {
		Map<String, Object> claims = claims(token("svc-test", "svc-test-secret"));

		assertThat(claims).doesNotContainKey("tenant").containsEntry("roles", List.of("SERVICE"));
	}

	@Test
	void refusesWrongClientSecret() {
		HttpResponse<String> response = tokenResponse(ADMIN_CLIENT, "wrong");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat((String) JsonPath.read(response.body(), "$.error")).isEqualTo("invalid_client");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					no grant type              | Basic      | application/x-www-form-urlencoded | scope=read
					unknown grant type         | Basic      | application/x-www-form-urlencoded | grant_type=magic
					two grant types            | Basic      | application/x-www-form-urlencoded | grant_type=client_credentials&grant_type=password
					unknown scope              | Basic      | application/x-www-form-urlencoded | grant_type=client_credentials&scope=everything
					Basic that is not base64   | Basic !!!  | application/x-www-form-urlencoded | grant_type=client_credentials
					Basic without a colon      | Basic Zm9v | application/x-www-form-urlencoded | grant_type=client_credentials
					JSON body                  | Basic      | application/json                  | {"grant_type":"client_credentials"}
					broken percent encoding    | Basic      | application/x-www-form-urlencoded | grant_type=%zz
					code without a code        | Basic      | application/x-www-form-urlencoded | grant_type=authorization_code
					refresh without a token    | Basic      | application/x-www-form-urlencoded | grant_type=refresh_token
					""")
	void malformedTokenRequestsAreRefusedAsClientErrors(String name, String authorization, String type, String body) {
		String header = "Basic".equals(authorization) ? basic(ADMIN_CLIENT, ADMIN_SECRET) : authorization;

		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
			.header("Authorization", header)
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());

		assertThat(response.statusCode()).as(name + ": " + response.body()).isBetween(400, 499);
		assertThat(response.body()).as(name).contains("error");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			POST | /oauth2/revoke     | token=
			POST | /oauth2/revoke     | token_type_hint=access_token
			POST | /oauth2/introspect | token_type_hint=access_token
			POST | /oauth2/introspect | token=%zz
			GET  | /userinfo          | ''
			GET  | /oauth2/authorize?response_type=code&client_id=nobody | ''
			""")
	void malformedCallsToTheOtherProtocolEndpointsAreClientErrors(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization", basic(ADMIN_CLIENT, ADMIN_SECRET));
		if ("POST".equals(method)) {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body));
		}

		HttpResponse<String> response = send(request.build());

		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(300, 499);
	}

	@Test
	void publishesDiscoveryAndJwks() {
		HttpResponse<String> discovery = call("GET", "/.well-known/openid-configuration", null, null);
		HttpResponse<String> jwks = call("GET", "/oauth2/jwks", null, null);

		assertThat(discovery.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(discovery.body(), "$.issuer")).isEqualTo("http://localhost:9000");
		List<String> challengeMethods = JsonPath.read(discovery.body(), "$.code_challenge_methods_supported");
		assertThat(challengeMethods).contains("S256");
		assertThat(jwks.statusCode()).isEqualTo(200);
		assertThat(jwks.body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
	}

	@Test
	void floodedTokenEndpointAnswers429WithRetryAfter() {
		HttpResponse<String> last = null;
		for (int i = 0; i < 25; i++) {
			last = tokenResponse("flooding-client", "whatever");
			if (last.statusCode() == 429) {
				break;
			}
		}

		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isPositive());
		assertThat(last.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(tokenResponse(ADMIN_CLIENT, ADMIN_SECRET).statusCode()).as("other clients are not limited")
			.isEqualTo(200);
	}

	static Map<String, Object> claims(String jwt) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		return JsonPath.read(payload, "$");
	}

}
