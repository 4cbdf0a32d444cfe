package io.fleetgrid.auth;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The internal user directory that notification-service reads. */
class DirectoryIntegrationTests extends AuthIntegrationTestSupport {

	@Test
	void serviceCallerListsTheUsersOfATenantWithRoleAndEmail() {
		HttpResponse<String> response = call("GET", "/internal/v1/tenants/demo/users",
				token("svc-test", "svc-test-secret"), null);

		assertThat(response.statusCode()).isEqualTo(200);
		List<Map<String, Object>> users = JsonPath.read(response.body(), "$");
		assertThat(users).extracting((user) -> user.get("email"))
			.contains("admin@demo.local", "manager@demo.local", "user@demo.local");
		assertThat(users).filteredOn((user) -> "manager@demo.local".equals(user.get("email")))
			.singleElement()
			.satisfies(
					(user) -> assertThat(user).containsEntry("role", "FLEET_MANAGER").containsEntry("enabled", true));
	}

	@Test
	void tenantAdminCannotReadTheDirectory() {
		HttpResponse<String> response = call("GET", "/internal/v1/tenants/demo/users",
				token(ADMIN_CLIENT, ADMIN_SECRET), null);

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void openApiDocumentDoesNotPresentTheCallerAsARequestParameter() {
		HttpResponse<String> response = call("GET", "/v3/api-docs", null, null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("/api/v1/users/me").doesNotContain("\"name\":\"caller\"");
	}

}
