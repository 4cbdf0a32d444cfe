package io.fleetgrid.device.geofence;

import java.time.Duration;
import java.util.List;

import io.fleetgrid.contracts.event.GeofenceSnapshot;
import io.fleetgrid.contracts.event.GeofenceSnapshot.Shape;
import io.fleetgrid.contracts.event.RuleSettings;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.device.support.DeviceIntegrationTestSupport;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Geofences and rule settings end to end: validation, tenant isolation and the records
 * published on the compacted topics.
 */
class GeofenceAndRuleIntegrationTests extends DeviceIntegrationTestSupport {

	private static final String SQUARE = """
			{"name": "Depot", "geometry": {"type": "Polygon",
			 "coordinates": [[[13.40, 52.50], [13.41, 52.50], [13.41, 52.51], [13.40, 52.51], [13.40, 52.50]]]},
			 "speedLimitKph": 30, "dwellSeconds": 600, "groupIds": [%s]}
			""";

	GeofenceAndRuleIntegrationTests(@Autowired ApplicationContext context) {
		super(context);
	}

	@Test
	void aPolygonGeofenceIsStoredAndPublished() {
		String tenant = unique("t");
		String manager = TestTokens.bearer(tenant, Role.FLEET_MANAGER);
		String fleet = createGroup(manager);

		ResponseEntity<String> created = call(HttpMethod.POST, "/api/v1/geofences", manager,
				SQUARE.formatted("\"" + fleet + "\""));

		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		String id = json(created).read("$.id", String.class);
		assertThat(json(call(HttpMethod.GET, "/api/v1/geofences/" + id, TestTokens.bearer(tenant, Role.USER), null))
			.read("$.geometry.coordinates[0].length()", Integer.class)).isEqualTo(5);
		relay();
		GeofenceSnapshot snapshot = readUntil(Topics.GEOFENCES, (record) -> id.equals(record.key()),
				Duration.ofSeconds(30))
			.getLast()
			.value();
		assertThat(snapshot.tenantId()).isEqualTo(tenant);
		assertThat(snapshot.geometry().shape()).isEqualTo(Shape.POLYGON);
		assertThat(snapshot.geometry().polygon().get(1).lon()).isEqualTo(13.41);
		assertThat(snapshot.groupIds()).containsExactly(fleet);
		assertThat(snapshot.speedLimitKph()).isEqualTo(30.0);
	}

	@Test
	void aCircleNeedsAPositiveRadius() {
		String manager = TestTokens.bearer(unique("t"), Role.FLEET_MANAGER);

		ResponseEntity<String> response = call(HttpMethod.POST, "/api/v1/geofences", manager,
				"{\"name\": \"Yard\", \"center\": {\"lat\": 52.5, \"lon\": 13.4}, \"radiusM\": 0}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json(response).read("$.errors[0].field", String.class)).isEqualTo("radiusM");
	}

	@Test
	void aSelfIntersectingPolygonIsRejectedNamingTheRing() {
		String manager = TestTokens.bearer(unique("t"), Role.FLEET_MANAGER);

		ResponseEntity<String> response = call(HttpMethod.POST, "/api/v1/geofences", manager, """
				{"name": "Bow tie", "geometry": {"type": "Polygon",
				 "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}}
				""");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json(response).read("$.errors[0].field", String.class)).isEqualTo("geometry.coordinates[0]");
		assertThat(json(response).read("$.errors[0].message", String.class)).contains("intersects itself");
	}

	@Test
	void anotherTenantsGeofenceAndGroupRulesAreNotFound() {
		String owner = TestTokens.bearer(unique("t"), Role.FLEET_MANAGER);
		String fleet = createGroup(owner);
		String geofence = json(call(HttpMethod.POST, "/api/v1/geofences", owner, SQUARE.formatted(""))).read("$.id",
				String.class);
		String stranger = TestTokens.bearer(unique("t"), Role.ADMIN);

		assertThat(call(HttpMethod.GET, "/api/v1/geofences/" + geofence, stranger, null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(
				call(HttpMethod.PUT, "/api/v1/geofences/" + geofence, stranger, SQUARE.formatted("")).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(call(HttpMethod.DELETE, "/api/v1/geofences/" + geofence, stranger, null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(strings(call(HttpMethod.GET, "/api/v1/geofences", stranger, null), "$[*].id")).isEmpty();
		assertThat(call(HttpMethod.GET, "/api/v1/groups/" + fleet + "/rules", stranger, null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(call(HttpMethod.PUT, "/api/v1/groups/" + fleet + "/rules", stranger, "{}").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(call(HttpMethod.DELETE, "/api/v1/groups/" + fleet + "/rules", stranger, null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aUserCannotChangeRules() {
		String tenant = unique("t");

		assertThat(call(HttpMethod.PUT, "/api/v1/rules/defaults", TestTokens.bearer(tenant, Role.USER),
				"{\"speedLimitKph\": 100}")
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void groupRulesFallBackToTenantDefaultsThenPlatformDefaults() {
		String tenant = unique("t");
		String manager = TestTokens.bearer(tenant, Role.FLEET_MANAGER);
		String fleet = createGroup(manager);
		call(HttpMethod.PUT, "/api/v1/rules/defaults", manager, "{\"speedLimitKph\": 100, \"fuelMinPct\": 20}");

		ResponseEntity<String> response = call(HttpMethod.PUT, "/api/v1/groups/" + fleet + "/rules", manager,
				"{\"speedLimitKph\": 80}");

		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(json(response).read("$.thresholds.speedLimitKph", Double.class)).isEqualTo(80.0);
		assertThat(json(response).read("$.effective.speedLimitKph", Double.class)).isEqualTo(80.0);
		assertThat(json(response).read("$.effective.fuelMinPct", Double.class)).isEqualTo(20.0);
		assertThat(json(response).read("$.effective.coolantMaxC", Double.class)).isEqualTo(110.0);
		relay();
		String key = RuleSettings.key(tenant, fleet);
		RuleSettings published = readUntil(Topics.RULES, (record) -> key.equals(record.key()), Duration.ofSeconds(30))
			.getLast()
			.value();
		assertThat(published.thresholds().speedLimitKph()).isEqualTo(80.0);
		assertThat(published.thresholds().fuelMinPct()).isNull();
	}

	@Test
	void rejectsOutOfRangeThresholdsNamingTheField() {
		String manager = TestTokens.bearer(unique("t"), Role.FLEET_MANAGER);

		ResponseEntity<String> response = call(HttpMethod.PUT, "/api/v1/rules/defaults", manager,
				"{\"harshBrakingMps2\": 55}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json(response).read("$.errors[0].field", String.class)).isEqualTo("harshBrakingMps2");
	}

	@Test
	void tenantDefaultsThatWouldEmptyAGroupsVoltageBandAreRejected() {
		String manager = TestTokens.bearer(unique("t"), Role.FLEET_MANAGER);
		String fleet = createGroup(manager);
		assertThat(call(HttpMethod.PUT, "/api/v1/groups/" + fleet + "/rules", manager, "{\"gridVoltageMaxV\": 240}")
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<String> response = call(HttpMethod.PUT, "/api/v1/rules/defaults", manager,
				"{\"gridVoltageMinV\": 245}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json(response).read("$.errors[0].field", String.class)).isEqualTo("gridVoltageMinV");
		assertThat(json(response).read("$.errors[0].message", String.class)).contains(fleet);
	}

	@Test
	void deletingAGroupTombstonesItsRules() {
		String tenant = unique("t");
		String manager = TestTokens.bearer(tenant, Role.FLEET_MANAGER);
		String fleet = createGroup(manager);
		call(HttpMethod.PUT, "/api/v1/groups/" + fleet + "/rules", manager, "{\"speedLimitKph\": 70}");

		assertThat(call(HttpMethod.DELETE, "/api/v1/groups/" + fleet, manager, null).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		relay();

		String key = RuleSettings.key(tenant, fleet);
		List<ConsumerRecord<String, RuleSettings>> records = readUntil(Topics.RULES,
				(record) -> key.equals(record.key()) && record.value() == null, Duration.ofSeconds(30));
		assertThat(records.stream().filter((record) -> key.equals(record.key()))).hasSize(2);
	}

	@Test
	void aGroupThatAGeofenceStillNamesCannotBeDeletedAndKeepsItsRules() {
		String tenant = unique("t");
		String manager = TestTokens.bearer(tenant, Role.FLEET_MANAGER);
		String fleet = createGroup(manager);
		call(HttpMethod.PUT, "/api/v1/groups/" + fleet + "/rules", manager, "{\"speedLimitKph\": 70}");
		String geofence = json(
				call(HttpMethod.POST, "/api/v1/geofences", manager, SQUARE.formatted("\"" + fleet + "\"")))
			.read("$.id", String.class);

		ResponseEntity<String> refused = call(HttpMethod.DELETE, "/api/v1/groups/" + fleet, manager, null);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(json(refused).read("$.detail", String.class)).contains(geofence);
		assertThat(call(HttpMethod.GET, "/api/v1/groups/" + fleet, manager, null).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(json(call(HttpMethod.GET, "/api/v1/groups/" + fleet + "/rules", manager, null))
			.read("$.thresholds.speedLimitKph", Double.class)).isEqualTo(70.0);

		assertThat(call(HttpMethod.DELETE, "/api/v1/geofences/" + geofence, manager, null).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(call(HttpMethod.DELETE, "/api/v1/groups/" + fleet, manager, null).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	private String createGroup(String authorization) {
		String id = unique("fleet");
		ResponseEntity<String> response = call(HttpMethod.POST, "/api/v1/groups", authorization,
				"{\"id\": \"" + id + "\", \"name\": \"Fleet\", \"kind\": \"FLEET\"}");
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
		return id;
	}

}
