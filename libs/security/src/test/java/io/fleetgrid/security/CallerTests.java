package io.fleetgrid.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallerTests {

	@Test
	void readsSubjectTenantRolesAndNameFromTheToken() {
		Caller caller = Caller.fromJwt(jwt(Map.of("sub", "u-1", "tenant", "demo", "roles", List.of("FLEET_MANAGER"),
				"email", "manager@demo.local")));
		assertThat(caller)
			.isEqualTo(new Caller("u-1", "demo", java.util.Set.of(Role.FLEET_MANAGER), "manager@demo.local"));
		assertThat(caller.has(Role.USER)).isTrue();
		assertThat(caller.has(Role.ADMIN)).isFalse();
		assertThat(caller.tenant()).isEqualTo("demo");
	}

	@Test
	void ignoresUnknownRoleNames() {
		Caller caller = Caller.fromJwt(jwt(Map.of("sub", "c-1", "tenant", "demo", "roles", List.of("ROOT", "USER"))));
		assertThat(caller.roles()).containsExactly(Role.USER);
	}

	@Test
	void callerWithoutTenantCannotAskForTenantData() {
		Caller operator = Caller.fromJwt(jwt(Map.of("sub", "fleetgrid-operator", "roles", List.of("OPERATOR"))));
		assertThat(operator.isOperator()).isTrue();
		assertThat(operator.has(Role.ADMIN)).isFalse();
		assertThatExceptionOfType(NoTenantException.class).isThrownBy(operator::tenant)
			.withMessageContaining("fleetgrid-operator");
	}

	private static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.claims((c) -> c.putAll(claims))
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
	}

}
