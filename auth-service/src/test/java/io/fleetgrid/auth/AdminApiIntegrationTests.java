package io.fleetgrid.auth;

import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import io.fleetgrid.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration API: who may call what (role matrix), tenant isolation (404 for
 * another tenant's users and clients), and what an ADMIN may not grant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiIntegrationTests extends AuthIntegrationTestSupport {

	private final Map<Role, String> tokens = new EnumMap<>(Role.class);

	private NewTenant tenant;

	@BeforeAll
	void tokensOfEveryRole() {
		this.tenant = createTenant("matrix");
		String admin = token(this.tenant.adminClientId(), this.tenant.adminSecret());
		this.tokens.put(Role.ADMIN, admin);
		for (Role role : List.of(Role.USER, Role.FLEET_MANAGER)) {
			String[] client = createClient(admin, role.name());
			this.tokens.put(role, token(client[0], client[1]));
		}
		this.tokens.put(Role.OPERATOR, token(OPERATOR_CLIENT, OPERATOR_SECRET));
	}

	static Stream<Arguments> roleMatrix() {
		List<Endpoint> endpoints = List.of(new Endpoint("GET", "/api/v1/users", null, Role.ADMIN, 200),
				new Endpoint("POST", "/api/v1/users", "user", Role.ADMIN, 201),
				new Endpoint("GET", "/api/v1/clients", null, Role.ADMIN, 200),
				new Endpoint("POST", "/api/v1/clients", "{\"name\":\"matrix\",\"role\":\"USER\"}", Role.ADMIN, 201),
				new Endpoint("GET", "/api/v1/tenants", null, Role.OPERATOR, 200),
				new Endpoint("POST", "/api/v1/tenants", "tenant", Role.OPERATOR, 201),
				new Endpoint("GET", "/api/v1/keys", null, Role.OPERATOR, 200));
		return endpoints.stream()
			.flatMap((endpoint) -> Stream.of(Role.USER, Role.FLEET_MANAGER, Role.ADMIN, Role.OPERATOR)
				.map((role) -> Arguments.of(role, endpoint.method() + " " + endpoint.path(), endpoint,
						(role == endpoint.allowed()) ? endpoint.status() : 403)));
	}

	@ParameterizedTest(name = "{0} {1} -> {3}")
	@MethodSource("roleMatrix")
	void roleMatrix(Role role, String name, Endpoint endpoint, int expected) {
		String body = switch (String.valueOf(endpoint.body())) {
			case "user" -> "{\"email\":\"m-" + UUID.randomUUID()
					+ "@example.com\",\"displayName\":\"Matrix\",\"role\":\"USER\",\"password\":\"matrix-password-1\"}";
			case "tenant" -> "{\"name\":\"Matrix " + UUID.randomUUID() + "\"}";
			case "null" -> null;
			default -> endpoint.body();
		};

		HttpResponse<String> response = call(endpoint.method(), endpoint.path(), this.tokens.get(role), body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
		if (expected == 403) {
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	@Test
	void adminOfAnotherTenantGets404ForUsersAndClients() {
		NewTenant other = createTenant("other");
		String otherAdmin = token(other.adminClientId(), other.adminSecret());
		HttpResponse<String> user = call("POST", "/api/v1/users", otherAdmin, "{\"email\":\"b-" + UUID.randomUUID()
				+ "@example.com\",\"displayName\":\"B\",\"role\":\"USER\",\"password\":\"tenant-b-password\"}");
		String userId = JsonPath.read(user.body(), "$.id");
		String clientId = createClient(otherAdmin, "USER")[0];
		String admin = this.tokens.get(Role.ADMIN);

		assertThat(call("GET", "/api/v1/users/" + userId, admin, null).statusCode()).isEqualTo(404);
		assertThat(call("PATCH", "/api/v1/users/" + userId, admin, "{\"role\":\"ADMIN\"}").statusCode()).isEqualTo(404);
		assertThat(call("DELETE", "/api/v1/users/" + userId, admin, null).statusCode()).isEqualTo(404);
		assertThat(call("GET", "/api/v1/clients/" + clientId, admin, null).statusCode()).isEqualTo(404);
		assertThat(call("POST", "/api/v1/clients/" + clientId + "/secret", admin, null).statusCode()).isEqualTo(404);
		assertThat(call("DELETE", "/api/v1/clients/" + clientId, admin, null).statusCode()).isEqualTo(404);
		assertThat(call("GET", "/api/v1/users?size=100", admin, null).body()).doesNotContain(userId);
		assertThat(call("GET", "/api/v1/clients?size=100", admin, null).body()).doesNotContain(clientId);
		assertThat(call("GET", "/api/v1/users/" + userId, otherAdmin, null).statusCode()).isEqualTo(200);
	}

	@Test
	void adminCannotGrantOperatorOrServiceRoles() {
		String admin = this.tokens.get(Role.ADMIN);

		HttpResponse<String> client = call("POST", "/api/v1/clients", admin,
				"{\"name\":\"escalate\",\"role\":\"OPERATOR\"}");
		HttpResponse<String> service = call("POST", "/api/v1/clients", admin,
				"{\"name\":\"escalate\",\"role\":\"SERVICE\"}");
		HttpResponse<String> user = call("POST", "/api/v1/users", admin, "{\"email\":\"op-" + UUID.randomUUID()
				+ "@example.com\",\"displayName\":\"Op\",\"role\":\"OPERATOR\",\"password\":\"operator-password\"}");

		assertThat(client.statusCode()).isEqualTo(400);
		assertThat(service.statusCode()).isEqualTo(400);
		assertThat(user.statusCode()).isEqualTo(400);
		assertThat(client.body()).contains("role");
	}

	@Test
	void rotatedClientSecretReplacesTheOldOne() {
		String[] client = createClient(this.tokens.get(Role.ADMIN), "USER");

		HttpResponse<String> rotated = call("POST", "/api/v1/clients/" + client[0] + "/secret",
				this.tokens.get(Role.ADMIN), null);

		assertThat(rotated.statusCode()).isEqualTo(200);
		String newSecret = JsonPath.read(rotated.body(), "$.clientSecret");
		assertThat(tokenResponse(client[0], client[1]).statusCode()).isEqualTo(401);
		assertThat(tokenResponse(client[0], newSecret).statusCode()).isEqualTo(200);
		assertThat(call("GET", "/api/v1/clients/" + client[0], this.tokens.get(Role.ADMIN), null).body())
			.doesNotContain(newSecret);
	}

	@Test
	void invalidUserNamesTheField() {
		HttpResponse<String> response = call("POST", "/api/v1/users", this.tokens.get(Role.ADMIN),
				"{\"email\":\"not-an-address\",\"displayName\":\"X\",\"role\":\"USER\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((String) JsonPath.read(response.body(), "$.detail")).contains("email");
	}

	@Test
	void operatorSeesNoTenantData() {
		HttpResponse<String> users = call("GET", "/api/v1/users", this.tokens.get(Role.OPERATOR), null);
		HttpResponse<String> clients = call("GET", "/api/v1/clients", this.tokens.get(Role.OPERATOR), null);

		assertThat(users.statusCode()).isEqualTo(403);
		assertThat(clients.statusCode()).isEqualTo(403);
	}

	@Test
	void adminChangesRoleAndDisablesUser() {
		String admin = this.tokens.get(Role.ADMIN);
		HttpResponse<String> created = call("POST", "/api/v1/users", admin, "{\"email\":\"c-" + UUID.randomUUID()
				+ "@example.com\",\"displayName\":\"C\",\"role\":\"USER\",\"password\":\"change-password-1\"}");
		String id = JsonPath.read(created.body(), "$.id");

		HttpResponse<String> changed = call("PATCH", "/api/v1/users/" + id, admin,
				"{\"role\":\"FLEET_MANAGER\",\"enabled\":false}");

		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(changed.body(), "$.role")).isEqualTo("FLEET_MANAGER");
		assertThat((Boolean) JsonPath.read(changed.body(), "$.enabled")).isFalse();
		assertThat(call("DELETE", "/api/v1/users/" + id, admin, null).statusCode()).isEqualTo(204);
		assertThat(call("GET", "/api/v1/users/" + id, admin, null).statusCode()).isEqualTo(404);
	}

	/**
	 * An admin endpoint and who may call it.
	 *
	 * @param method HTTP method
	 * @param path path
	 * @param body request body (or a placeholder for a unique one)
	 * @param allowed the one role allowed
	 * @param status the success status
	 */
	record Endpoint(String method, String path, String body, Role allowed, int status) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
