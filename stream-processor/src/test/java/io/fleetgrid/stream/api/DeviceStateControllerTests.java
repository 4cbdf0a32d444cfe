package io.fleetgrid.stream.api;

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

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(DeviceStateController.class)
@Import({ TestTokens.Config.class, DeviceStateControllerTests.Fixtures.class })
class DeviceStateControllerTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

	private final MockMvc mvc;

	DeviceStateControllerTests(@Autowired MockMvc mvc) {
		this.mvc = mvc;
	}

	@Test
	void fleetManagerGetsTheLatestStateOfADeviceOfTheTenant() throws Exception {
		this.mvc
			.perform(get("/api/v1/devices/veh-1/state").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("acme", Role.FLEET_MANAGER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deviceId").value("veh-1"))
			.andExpect(jsonPath("$.position.lat").value(52.5))
			.andExpect(jsonPath("$.speedKph").value(87.5))
			.andExpect(jsonPath("$.activeAlerts[0]").value("OVERSPEED"))
			.andExpect(jsonPath("$.lastSeen").value("2026-11-23T10:15:30Z"));
	}

	@Test
	void anotherTenantsDeviceIsNotFound() throws Exception {
		this.mvc
			.perform(get("/api/v1/devices/veh-1/state").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("globex", Role.ADMIN)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No state for device veh-1"));
	}

	@Test
	void aDeviceWithoutDataIsNotFound() throws Exception {
		this.mvc
			.perform(get("/api/v1/devices/veh-404/state").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("acme", Role.FLEET_MANAGER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void userSeesOnlyDevicesAssignedToThem() throws Exception {
		this.mvc
			.perform(get("/api/v1/devices/veh-1/state").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("u-1", "acme", Role.USER)))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/api/v1/devices/veh-1/state").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("u-2", "acme", Role.USER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void withoutATokenIsUnauthorized() throws Exception {
		this.mvc.perform(get("/api/v1/devices/veh-1/state")).andExpect(status().isUnauthorized());
	}

	@Test
	void operatorWithoutTenantIsForbidden() throws Exception {
		this.mvc.perform(get("/api/v1/devices/veh-1/state").header(HttpHeaders.AUTHORIZATION, TestTokens.operator()))
			.andExpect(status().isForbidden());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fixtures {

		@Bean
		Registry registry() {
			Registry registry = new Registry(0.05);
			registry.onDevice("veh-1", new DeviceSnapshot("veh-1", "acme", DeviceType.VEHICLE, "Van 1", "fleet-1",
					List.of(), List.of("u-1"), true, null, null, NOW, NOW));
			return registry;
		}

		@Bean
		DeviceStateView view() {
			DeviceState state = new DeviceState("veh-1", "acme", DeviceType.VEHICLE, NOW, new GeoPoint(52.5, 13.4),
					87.5, 90.0, true, 40.0, null, null, List.of(AlertType.OVERSPEED), Map.of("speedKph", 87.5), NOW);
			return (deviceId) -> Optional.ofNullable("veh-1".equals(deviceId) ? state : null);
		}

	}

}
