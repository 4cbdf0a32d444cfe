package io.fleetgrid.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTests {

	@Test
	void adminIncludesEveryTenantRole() {
		assertThat(Role.ADMIN.includes(Role.FLEET_MANAGER)).isTrue();
		assertThat(Role.ADMIN.includes(Role.USER)).isTrue();
		assertThat(Role.FLEET_MANAGER.includes(Role.USER)).isTrue();
	}

	@Test
	void lowerRolesDoNotIncludeHigherOnes() {
		assertThat(Role.USER.includes(Role.FLEET_MANAGER)).isFalse();
		assertThat(Role.FLEET_MANAGER.includes(Role.ADMIN)).isFalse();
	}

	@Test
	void operatorAndServiceImplyNoTenantRole() {
		for (Role tenantRole : new Role[] { Role.USER, Role.FLEET_MANAGER, Role.ADMIN }) {
			assertThat(Role.OPERATOR.includes(tenantRole)).isFalse();
			assertThat(Role.SERVICE.includes(tenantRole)).isFalse();
			assertThat(tenantRole.includes(Role.OPERATOR)).isFalse();
		}
	}

	@Test
	void parsesNamesWithOrWithoutPrefixAndIgnoresUnknownOnes() {
		assertThat(Role.parse("fleet_manager")).contains(Role.FLEET_MANAGER);
		assertThat(Role.parse("ROLE_ADMIN")).contains(Role.ADMIN);
		assertThat(Role.parse("SUPERUSER")).isEmpty();
	}

}
