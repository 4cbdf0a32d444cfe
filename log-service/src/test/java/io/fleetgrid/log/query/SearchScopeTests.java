package io.fleetgrid.log.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.log.directory.DeviceAssignments;
import io.fleetgrid.log.index.IndexKind;
import io.fleetgrid.security.Caller;
import io.fleetgrid.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which documents each role sees, and that request parameters cannot change it.
 */
class SearchScopeTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private final DeviceAssignments assignments = new DeviceAssignments();

	SearchScopeTests() {
		// u-1 is a user id in two tenants; only acme's devices are in its acme scope.
		this.assignments.apply("dev-1", device("dev-1", "acme", "u-1"));
		this.assignments.apply("dev-2", device("dev-2", "acme", "u-2-other"));
		this.assignments.apply("dev-3", device("dev-3", "acme", "u-1", "u-3"));
		this.assignments.apply("dev-9", device("dev-9", "globex", "u-1"));
		this.assignments.markLoaded();
	}

	@Test
	void tenantAdminSeesItsTenantsLogsAuditAndAlerts() {
		Caller admin = caller("acme", Role.ADMIN);
		for (IndexKind kind : IndexKind.values()) {
			assertThat(tenantOf(SearchScope.of(kind, admin, this.assignments))).isEqualTo("acme");
		}
	}

	@Test
	void operatorSeesOnlyPlatformLogsAndAuditAndNoAlerts() {
		Caller operator = caller(null, Role.OPERATOR);
		assertThat(tenantOf(SearchScope.of(IndexKind.LOGS, operator, this.assignments)))
			.isEqualTo(IndexKind.PLATFORM_TENANT);
		assertThat(tenantOf(SearchScope.of(IndexKind.AUDIT, operator, this.assignments)))
			.isEqualTo(IndexKind.PLATFORM_TENANT);
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> SearchScope.of(IndexKind.ALERTS, operator, this.assignments));
	}

	@Test
	void fleetManagerSeesItsTenantsAlertsButNoLogsOrAudit() {
		Caller manager = caller("acme", Role.FLEET_MANAGER);
		assertThat(tenantOf(SearchScope.of(IndexKind.ALERTS, manager, this.assignments))).isEqualTo("acme");
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> SearchScope.of(IndexKind.LOGS, manager, this.assignments));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> SearchScope.of(IndexKind.AUDIT, manager, this.assignments));
	}

	@Test
	void userSeesOnlyTheAlertsOfTheTenantsDevicesAssignedToThem() {
		Query scope = SearchScope.of(IndexKind.ALERTS, new Caller("u-1", "acme", Set.of(Role.USER), "U"),
				this.assignments);

		assertThat(scope.bool().filter()).hasSize(2);
		assertThat(tenantOf(scope.bool().filter().get(0))).isEqualTo("acme");
		Query devices = scope.bool().filter().get(1);
		assertThat(devices.terms().field()).isEqualTo("deviceId");
		assertThat(devices.terms().terms().value()).extracting(FieldValue::stringValue)
			.containsExactly("dev-1", "dev-3");
	}

	@Test
	void userWithoutAssignedDevicesSeesNoAlerts() {
		Query scope = SearchScope.of(IndexKind.ALERTS, new Caller("u-2", "acme", Set.of(Role.USER), "U"),
				this.assignments);
		assertThat(scope.isMatchNone()).isTrue();
	}

	@Test
	void aDeviceNoLongerAssignedOrDeletedLeavesTheUsersScope() {
		this.assignments.apply("dev-1", device("dev-1", "acme"));
		this.assignments.apply("dev-3", null);

		Query scope = SearchScope.of(IndexKind.ALERTS, new Caller("u-1", "acme", Set.of(Role.USER), "U"),
				this.assignments);
		assertThat(scope.isMatchNone()).isTrue();
	}

	@Test
	void userSearchIsUnavailableUntilTheAssignmentsAreLoaded() {
		DeviceAssignments loading = new DeviceAssignments();
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> SearchScope.of(IndexKind.ALERTS, caller("acme", Role.USER), loading))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(503));
		assertThat(tenantOf(SearchScope.of(IndexKind.ALERTS, caller("acme", Role.FLEET_MANAGER), loading)))
			.isEqualTo("acme");
	}

	@Test
	void serviceCallerSeesNothing() {
		Caller service = caller(null, Role.SERVICE);
		for (IndexKind kind : IndexKind.values()) {
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> SearchScope.of(kind, service, this.assignments));
		}
	}

	@Test
	void scopeIsAlwaysPartOfTheQueryWhateverTheParameters() {
		Criteria criteria = Criteria.parse(Map.of("q", "tenantId:other OR *"), SearchKind.LOGS.filters(),
				java.time.Instant.now());
		Query query = SearchService.query(SearchKind.LOGS, criteria,
				SearchScope.of(IndexKind.LOGS, caller("acme", Role.ADMIN), this.assignments));
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

	private static DeviceSnapshot device(String id, String tenant, String... users) {
		return new DeviceSnapshot(id, tenant, DeviceType.VEHICLE, id, null, List.of(), List.of(users), true, null, null,
				NOW, NOW);
	}

	private static Caller caller(String tenant, Role role) {
		return new Caller("someone", tenant, Set.of(role), "Someone");
	}

}
