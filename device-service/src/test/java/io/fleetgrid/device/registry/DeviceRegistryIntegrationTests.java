package io.fleetgrid.device.registry;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.device.support.DeviceIntegrationTestSupport;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry API end to end on the real database and broker: roles, tenant isolation,
 * validation, credentials and the snapshots each change publishes.
 */
class DeviceRegistryIntegrationTests extends DeviceIntegrationTestSupport {

	DeviceRegistryIntegrationTests(@Autowired ApplicationContext context) {
		super(context);
	}

	@Test
	void fleetManagerRegistersAVehicleAndSeesItsTokenOnlyOnce() {
		String tenant = unique("t");
		String manager = TestTokens.bearer(tenant, Role.FLEET_MANAGER);
		String id = unique("veh");

		ResponseEntity<String> created = call(HttpMethod.POST, "/api/v1/devices", manager, """
				{"id": "%s", "type": "VEHICLE", "name": "Van 1", "tags": ["north"],
				 "vehicle": {"vin": "1m8gdm9axkp042788", "plate": "B-FG 1", "year": 2019, "fuelType": "DIESEL"}}
				""".formatted(id));

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/devices/" + id);
		DocumentContext body = json(created);
		assertThat(body.read("$.token", String.class)).matches("[A-Za-z0-9_-]{43}");
		assertThat(body.read("$.device.vehicle.vin", String.class)).isEqualTo("1M8GDM9AXKP042788");
		assertThat(body.read("$.device.active", Boolean.class)).isTrue();
		ResponseEntity<String> read = call(HttpMethod.GET, "/api/v1/devices/" + id, manager, null);
		assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(read.getBody()).doesNotContain(body.read("$.token", String.class)).doesNotContain("token\"");
		byte[] stored = jdbc().sql("select token_hash from device where id = :id")
			.param("id", id)
			.query(byte[].class)
			.single();
		assertThat(stored).hasSize(32);
	}

	@Test
	void rejectsAWrongNorthAmericanCheckDigitNamingTheField() {
		String manager = TestTokens.bearer(unique("t"), Role.FLEET_MANAGER);

		ResponseEntity<String> response = call(HttpMethod.POST, "/api/v1/devices", manager, """
				{"id": "%s", "type": "VEHICLE", "name": "Van", "vehicle": {"vin": "1M8GDM9A1KP042788"}}
				""".formatted(unique("veh")));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue();
		assertThat(json(response).read("$.errors[0].field", String.class)).isEqualTo("vehicle.vin");
		assertThat(json(response).read("$.detail", String.class)).contains("vehicle.vin").contains("check digit");
	}

	@Test
	void rejectsEnergyAttributesOnAVehicleAndAMissingNameListingBothFields() {
		String manager = TestTokens.bearer(unique("t"), Role.FLEET_MANAGER);

		ResponseEntity<String> response = call(HttpMethod.POST, "/api/v1/devices", manager, """
				{"id": "%s", "type": "VEHICLE", "energy": {"serial": "X"}}
				""".formatted(unique("veh")));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(strings(response, "$.errors[*].field")).containsExactlyInAnyOrder("name", "energy");
	}

	@ParameterizedTest
	@ValueSource(strings = { "import", "fleetgrid-ingest", "FleetGrid-anything" })
	void refusesIdsReservedForPathsAndThePlatformsOwnIdentities(String id) {
		String manager = TestTokens.bearer(unique("t"), Role.FLEET_MANAGER);

		ResponseEntity<String> response = call(HttpMethod.POST, "/api/v1/devices", manager, """
				{"id": "%s", "type": "VEHICLE", "name": "Van"}
				""".formatted(id));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json(response).read("$.errors[0].field", String.class)).isEqualTo("id");
		assertThat(json(response).read("$.errors[0].message", String.class)).contains("reserved");
	}

	@Test
	void userCannotCreateDevices() {
		String tenant = unique("t");
		String id = unique("veh");

		ResponseEntity<String> response = call(HttpMethod.POST, "/api/v1/devices", TestTokens.bearer(tenant, Role.USER),
				"""
						{"id": "%s", "type": "VEHICLE", "name": "Van"}
						""".formatted(id));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue();
		assertThat(jdbc().sql("select count(*) from device where id = :id").param("id", id).query(Long.class).single())
			.isZero();
	}

	@Test
	void userSeesOnlyTheDevicesAssignedToIt() {
		String tenant = unique("t");
		String manager = TestTokens.bearer(tenant, Role.FLEET_MANAGER);
		String assigned = createVehicle(manager, "[\"u-1\"]");
		String other = createVehicle(manager, "[\"u-2\"]");
		String user = TestTokens.bearer("u-1", tenant, Role.USER);

		ResponseEntity<String> list = call(HttpMethod.GET, "/api/v1/devices", user, null);

		assertThat(strings(list, "$.items[*].id")).containsExactly(assigned);
		assertThat(json(list).read("$.total", Integer.class)).isEqualTo(1);
		assertThat(call(HttpMethod.GET, "/api/v1/devices/" + assigned, user, null).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(call(HttpMethod.GET, "/api/v1/devices/" + other, user, null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(json(call(HttpMethod.GET, "/api/v1/devices", manager, null)).read("$.total", Integer.class))
			.isEqualTo(2);
	}

	@Test
	void anotherTenantsDeviceAndGroupAreNotFoundOnEveryEndpoint() {
		String owner = TestTokens.bearer(unique("t"), Role.ADMIN);
		String group = createGroup(owner, "FLEET");
		String id = createVehicle(owner, "[]");
		String stranger = TestTokens.bearer(unique("t"), Role.ADMIN);

		for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PATCH, HttpMethod.DELETE)) {
			assertThat(call(method, "/api/v1/devices/" + id, stranger, (method == HttpMethod.PATCH) ? "{}" : null)
				.getStatusCode()).as(method + " device").isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(call(method, "/api/v1/groups/" + group, stranger, (method == HttpMethod.PATCH) ? "{}" : null)
				.getStatusCode()).as(method + " group").isEqualTo(HttpStatus.NOT_FOUND);
		}
		for (String action : List.of("activate", "deactivate", "credentials")) {
			assertThat(call(HttpMethod.POST, "/api/v1/devices/" + id + "/" + action, stranger, null).getStatusCode())
				.as(action)
				.isEqualTo(HttpStatus.NOT_FOUND);
		}
		assertThat(call(HttpMethod.DELETE, "/api/v1/devices/" + id + "/credentials", stranger, null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(json(call(HttpMethod.GET, "/api/v1/devices", stranger, null)).read("$.total", Integer.class))
			.isZero();
		assertThat(json(call(HttpMethod.GET, "/api/v1/groups", stranger, null)).read("$.length()", Integer.class))
			.isZero();
		assertThat(
				json(call(HttpMethod.POST, "/api/v1/admin/republish", stranger, null)).read("$.records", Integer.class))
			.isZero();
		assertThat(call(HttpMethod.GET, "/api/v1/devices/" + id, owner, null).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void aVehicleCannotJoinASite() {
		String manager = TestTokens.bearer(unique("t"), Role.FLEET_MANAGER);
		String site = createGroup(manager, "SITE");
		String id = createVehicle(manager, "[]");

		ResponseEntity<String> response = call(HttpMethod.PATCH, "/api/v1/devices/" + id, manager,
				"{\"groupId\": \"" + site + "\"}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json(response).read("$.errors[0].field", String.class)).isEqualTo("groupId");
	}

	@Test
	void patchChangesOnlyTheGivenFieldsAndPublishesTheNewSnapshot() {
		String tenant = unique("t");
		String manager = TestTokens.bearer(tenant, Role.FLEET_MANAGER);
		String fleet = createGroup(manager, "FLEET");
		String id = createVehicle(manager, "[\"u-1\"]");

		ResponseEntity<String> response = call(HttpMethod.PATCH, "/api/v1/devices/" + id, manager,
				"{\"name\": \"Renamed\", \"groupId\": \"" + fleet + "\"}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json(response).read("$.name", String.class)).isEqualTo("Renamed");
		assertThat(strings(response, "$.assignedUserIds")).containsExactly("u-1");
		relay();
		DeviceSnapshot snapshot = readUntil(Topics.DEVICES, (record) -> id.equals(record.key())
				&& record.value() != null && "Renamed".equals(record.value().name()), Duration.ofSeconds(30))
			.getLast()
			.value();
		assertThat(snapshot.groupId()).isEqualTo(fleet);
		assertThat(snapshot.tenantId()).isEqualTo(tenant);
	}

	@Test
	void rejectsAPageSizeOutOfRangeNamingTheParameter() {
		ResponseEntity<String> response = call(HttpMethod.GET, "/api/v1/devices?size=0",
				TestTokens.bearer(unique("t"), Role.USER), null);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json(response).read("$.errors[0].field", String.class)).isEqualTo("size");
	}

	@Test
	void filtersByTypeAndPages() {
		String manager = TestTokens.bearer(unique("t"), Role.FLEET_MANAGER);
		createVehicle(manager, "[]");
		createVehicle(manager, "[]");
		String meter = unique("mtr");
		call(HttpMethod.POST, "/api/v1/devices", manager, """
				{"id": "%s", "type": "METER", "name": "Meter", "energy": {"vendor": "ACME", "timeZone": "Europe/Berlin",
				 "site": {"lat": 52.5, "lon": 13.4}}}
				""".formatted(meter));

		ResponseEntity<String> metersResponse = call(HttpMethod.GET, "/api/v1/devices?type=METER", manager, null);
		DocumentContext meters = json(metersResponse);
		DocumentContext page = json(call(HttpMethod.GET, "/api/v1/devices?type=VEHICLE&size=1&page=1", manager, null));

		assertThat(strings(metersResponse, "$.items[*].id")).containsExactly(meter);
		assertThat(meters.read("$.items[0].energy.timeZone", String.class)).isEqualTo("Europe/Berlin");
		assertThat(page.read("$.items.length()", Integer.class)).isEqualTo(1);
		assertThat(page.read("$.total", Integer.class)).isEqualTo(2);
	}

	@Test
	void deactivationAndDeletionArePublishedAsSnapshotAndTombstone() {
		String manager = TestTokens.bearer(unique("t"), Role.FLEET_MANAGER);
		String id = createVehicle(manager, "[]");

		assertThat(json(call(HttpMethod.POST, "/api/v1/devices/" + id + "/deactivate", manager, null)).read("$.active",
				Boolean.class))
			.isFalse();
		assertThat(call(HttpMethod.DELETE, "/api/v1/devices/" + id, manager, null).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		relay();

		List<ConsumerRecord<String, DeviceSnapshot>> records = readUntil(Topics.DEVICES,
				(record) -> id.equals(record.key()) && record.value() == null, Duration.ofSeconds(30))
			.stream()
			.filter((record) -> id.equals(record.key()))
			.toList();
		assertThat(records).hasSize(3);
		assertThat(records.get(0).value().active()).isTrue();
		assertThat(records.get(1).value().active()).isFalse();
		assertThat(records.get(2).value()).isNull();
		assertThat(call(HttpMethod.GET, "/api/v1/devices/" + id, manager, null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aGroupWithDevicesCannotBeDeleted() {
		String manager = TestTokens.bearer(unique("t"), Role.FLEET_MANAGER);
		String fleet = createGroup(manager, "FLEET");
		String id = createVehicle(manager, "[]");
		call(HttpMethod.PATCH, "/api/v1/devices/" + id, manager, "{\"groupId\": \"" + fleet + "\"}");

		assertThat(call(HttpMethod.DELETE, "/api/v1/groups/" + fleet, manager, null).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		call(HttpMethod.PATCH, "/api/v1/devices/" + id, manager, "{\"groupId\": \"\"}");
		assertThat(call(HttpMethod.DELETE, "/api/v1/groups/" + fleet, manager, null).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void aDeviceIdTakenInAnotherTenantIsAConflict() {
		String id = createVehicle(TestTokens.bearer(unique("t"), Role.FLEET_MANAGER), "[]");

		ResponseEntity<String> response = call(HttpMethod.POST, "/api/v1/devices",
				TestTokens.bearer(unique("t"), Role.FLEET_MANAGER),
				"{\"id\": \"" + id + "\", \"type\": \"VEHICLE\", \"name\": \"Copy\"}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	private String createVehicle(String authorization, String assignedUsers) {
		String id = unique("veh");
		ResponseEntity<String> response = call(HttpMethod.POST, "/api/v1/devices", authorization, """
				{"id": "%s", "type": "VEHICLE", "name": "Van", "assignedUserIds": %s}
				""".formatted(id, assignedUsers));
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
		return id;
	}

	private String createGroup(String authorization, String kind) {
		String id = unique("grp");
		ResponseEntity<String> response = call(HttpMethod.POST, "/api/v1/groups", authorization, """
				{"id": "%s", "name": "Group", "kind": "%s"}
				""".formatted(id, kind));
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
		return id;
	}

}
