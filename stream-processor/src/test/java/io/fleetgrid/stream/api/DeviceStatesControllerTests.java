package io.fleetgrid.stream.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import io.fleetgrid.stream.registry.Registry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(DeviceStatesController.class)
@Import({ TestTokens.Config.class, StateStreamHub.class, DeviceStatesControllerTests.Fixtures.class })
class DeviceStatesControllerTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

	private final MockMvc mvc;

	private final StateStreamHub hub;

	DeviceStatesControllerTests(@Autowired MockMvc mvc, @Autowired StateStreamHub hub) {
		this.mvc = mvc;
		this.hub = hub;
	}

	@Test
	void fleetManagerListsTheStatesOfEveryDeviceOfItsTenantWithData() throws Exception {
		this.mvc.perform(get("/api/v1/device-states").header(HttpHeaders.AUTHORIZATION, manager("acme")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[*].deviceId").value(org.hamcrest.Matchers.contains("inv-1", "veh-1", "veh-2")))
			.andExpect(jsonPath("$[1].position.lat").value(52.5))
			.andExpect(jsonPath("$[1].speedKph").value(87.5))
			.andExpect(jsonPath("$[1].activeAlerts[0]").value("OVERSPEED"))
			.andExpect(jsonPath("$[1].lastSeen").value("2026-11-23T10:15:30Z"));
	}

	@Test
	void anotherTenantSeesOnlyItsOwnStates() throws Exception {
		this.mvc
			.perform(get("/api/v1/device-states").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("globex", Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].deviceId").value(org.hamcrest.Matchers.contains("veh-9")));
		this.mvc
			.perform(get("/api/v1/device-states").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("initech", Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void userListsOnlyTheDevicesAssignedToThem() throws Exception {
		this.mvc
			.perform(get("/api/v1/device-states").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("u-1", "acme", Role.USER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].deviceId").value(org.hamcrest.Matchers.contains("veh-1")));
		this.mvc
			.perform(get("/api/v1/device-states").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("u-2", "acme", Role.USER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void aUserIdOfAnotherTenantSeesOnlyThatTenantsAssignedDevices() throws Exception {
		// u-1 is assigned veh-1 and veh-3 in acme and veh-9 in globex.
		this.mvc
			.perform(get("/api/v1/device-states").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("u-1", "globex", Role.USER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].deviceId").value(org.hamcrest.Matchers.contains("veh-9")));
	}

	@Test
	void filtersByGroupAndDeviceType() throws Exception {
		this.mvc
			.perform(get("/api/v1/device-states?groupId=fleet-2").header(HttpHeaders.AUTHORIZATION, manager("acme")))
			.andExpect(jsonPath("$[*].deviceId").value(org.hamcrest.Matchers.contains("veh-2")));
		this.mvc
			.perform(
					get("/api/v1/device-states?deviceType=inverter").header(HttpHeaders.AUTHORIZATION, manager("acme")))
			.andExpect(jsonPath("$[*].deviceId").value(org.hamcrest.Matchers.contains("inv-1")));
	}

	@Test
	void unknownDeviceTypeIsABadRequestProblem() throws Exception {
		this.mvc
			.perform(get("/api/v1/device-states?deviceType=TRUCK").header(HttpHeaders.AUTHORIZATION, manager("acme")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("deviceType must be one of")));
	}

	@Test
	void withoutATokenIsUnauthorizedAndWithoutATenantForbidden() throws Exception {
		this.mvc.perform(get("/api/v1/device-states")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/device-states/stream")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/device-states").header(HttpHeaders.AUTHORIZATION, TestTokens.operator()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/device-states/stream").header(HttpHeaders.AUTHORIZATION, TestTokens.operator()))
			.andExpect(status().isForbidden());
	}

	@Test
	void streamSendsNewStatesOfTheCallersTenantOnly() throws Exception {
		MvcResult stream = this.mvc
			.perform(get("/api/v1/device-states/stream").header(HttpHeaders.AUTHORIZATION, manager("acme")))
			.andExpect(request().asyncStarted())
			.andReturn();
		awaitContent(stream, ":connected");

		this.hub.onState(Fixtures.state("veh-9", "globex", DeviceType.VEHICLE, 11.0));
		this.hub.onState(Fixtures.state("veh-2", "acme", DeviceType.VEHICLE, 42.0));

		String body = awaitContent(stream, "\"deviceId\":\"veh-2\"");
		assertThat(body).contains("event:state").contains("\"speedKph\":42.0").doesNotContain("veh-9");
		assertThat(stream.getResponse().getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
	}

	@Test
	void userStreamSendsOnlyTheDevicesAssignedToThem() throws Exception {
		MvcResult stream = this.mvc
			.perform(get("/api/v1/device-states/stream").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("u-1", "acme", Role.USER)))
			.andExpect(request().asyncStarted())
			.andReturn();
		awaitContent(stream, ":connected");

		this.hub.onState(Fixtures.state("veh-2", "acme", DeviceType.VEHICLE, 42.0));
		this.hub.onState(Fixtures.state("veh-1", "acme", DeviceType.VEHICLE, 77.0));

		String body = awaitContent(stream, "\"deviceId\":\"veh-1\"");
		assertThat(body).contains("\"speedKph\":77.0").doesNotContain("veh-2");
	}

	@Test
	void streamAppliesTheFilters() throws Exception {
		MvcResult stream = this.mvc
			.perform(get("/api/v1/device-states/stream?deviceType=INVERTER").header(HttpHeaders.AUTHORIZATION,
					manager("acme")))
			.andExpect(request().asyncStarted())
			.andReturn();
		awaitContent(stream, ":connected");

		this.hub.onState(Fixtures.state("veh-1", "acme", DeviceType.VEHICLE, 42.0));
		this.hub.onState(Fixtures.state("inv-1", "acme", DeviceType.INVERTER, null));

		String body = awaitContent(stream, "\"deviceId\":\"inv-1\"");
		assertThat(body).doesNotContain("veh-1");
	}

	private static String awaitContent(MvcResult result, String expected) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> result.getResponse().getContentAsString(), (body) -> body.contains(expected));
	}

	private static String manager(String tenant) {
		return TestTokens.bearer(tenant, Role.FLEET_MANAGER);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fixtures {

		@Bean
		Registry registry() {
			Registry registry = new Registry(0.05);
			registry.onDevice("veh-1", device("veh-1", "acme", DeviceType.VEHICLE, "fleet-1", List.of("u-1")));
			registry.onDevice("veh-2", device("veh-2", "acme", DeviceType.VEHICLE, "fleet-2", List.of()));
			registry.onDevice("veh-3", device("veh-3", "acme", DeviceType.VEHICLE, "fleet-1", List.of("u-1")));
			registry.onDevice("inv-1", device("inv-1", "acme", DeviceType.INVERTER, "site-1", List.of()));
			registry.onDevice("veh-9", device("veh-9", "globex", DeviceType.VEHICLE, "fleet-1", List.of("u-1")));
			return registry;
		}

		@Bean
		DeviceStateView view() {
			// veh-3 never sent data; veh-8 has a state but is no longer registered.
			Map<String, DeviceState> states = Map.of("veh-1", state("veh-1", "acme", DeviceType.VEHICLE, 87.5), "veh-2",
					state("veh-2", "acme", DeviceType.VEHICLE, 30.0), "inv-1",
					state("inv-1", "acme", DeviceType.INVERTER, null), "veh-8",
					state("veh-8", "acme", DeviceType.VEHICLE, 10.0), "veh-9",
					state("veh-9", "globex", DeviceType.VEHICLE, 50.0));
			return (deviceId) -> Optional.ofNullable(states.get(deviceId));
		}

		static DeviceSnapshot device(String id, String tenant, DeviceType type, String group, List<String> users) {
			return new DeviceSnapshot(id, tenant, type, id, group, List.of(), users, true, null, null, NOW, NOW);
		}

		static DeviceState state(String id, String tenant, DeviceType type, Double speed) {
			return new DeviceState(id, tenant, type, NOW, new GeoPoint(52.5, 13.4), speed, 90.0, true, 40.0, null, null,
					List.of(AlertType.OVERSPEED), Map.of(), NOW);
		}

	}

}
