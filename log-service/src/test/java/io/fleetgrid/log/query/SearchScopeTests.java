package io.fleetgrid.log.query;

import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.fleetgrid.log.index.IndexKind;
import io.fleetgrid.security.Caller;
import io.fleetgrid.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which documents each role sees, and that request parameters cannot change it.
 */
class SearchScopeTests {

	@Test
	void tenantAdminSeesItsTenantsLogsAuditAndAlerts() {
		Caller admin = caller("acme", Role.ADMIN);
		for (IndexKind kind : IndexKind.values()) {
			assertThat(tenantOf(SearchScope.of(kind, admin))).isEqualTo("acme");
		}
	}

	@Test
	void operatorSeesOnlyPlatformLogsAndAuditAndNoAlerts() {
		Caller operator = caller(null, Role.OPERATOR);
		assertThat(tenantOf(SearchScope.of(IndexKind.LOGS, operator))).isEqualTo(IndexKind.PLATFORM_TENANT);
		assertThat(tenantOf(SearchScope.of(IndexKind.AUDIT, operator))).isEqualTo(IndexKind.PLATFORM_TENANT);
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> SearchScope.of(IndexKind.ALERTS, operator));
	}

	@Test
	void fleetManagerSeesItsTenantsAlertsButNoLogsOrAudit() {
		Caller manager = caller("acme", Role.FLEET_MANAGER);
		assertThat(tenantOf(SearchScope.of(IndexKind.ALERTS, manager))).isEqualTo("acme");
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> SearchScope.of(IndexKind.LOGS, manager));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> SearchScope.of(IndexKind.AUDIT, manager));
	}

	@Test
	void userSeesNoAlertsUntilDeviceAssignmentsAreKnown() {
		Query scope = SearchScope.of(IndexKind.ALERTS, caller("acme", Role.USER));
		assertThat(scope.isMatchNone()).isTrue();
	}

	@Test
	void serviceCallerSeesNothing() {
		Caller service = caller(null, Role.SERVICE);
		for (IndexKind kind : IndexKind.values()) {
			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> SearchScope.of(kind, service));
		}
	}

	@Test
	void scopeIsAlwaysPartOfTheQueryWhateverTheParameters() {
		Criteria criteria = Criteria.parse(Map.of("q", "tenantId:other OR *"), SearchKind.LOGS.filters(),
				java.time.Instant.now());
		Query query = SearchService.query(SearchKind.LOGS, criteria,
				SearchScope.of(IndexKind.LOGS, caller("acme", Role.ADMIN)));
		assertThat(query.bool().filter()).anySatisfy((filter) -> assertThat(tenantOf(filter)).isEqualTo("acme"));
		assertThat(query.bool().must()).singleElement().satisfies((must) -> {
			assertThat(must.simpleQueryString().query()).isEqualTo("tenantId:other OR *");
			assertThat(must.simpleQueryString().fields()).containsExactly("message", "stackTrace");
		});
	}

	private static String tenantOf(Query scope) {
		assertThat(scope.term().field()).isEqualTo("tenantId");
		return scope.term().value().stringValue();
	}

	private static Caller caller(String tenant, Role role) {
		return new Caller("someone", tenant, Set.of(role), "Someone");
	}

}
