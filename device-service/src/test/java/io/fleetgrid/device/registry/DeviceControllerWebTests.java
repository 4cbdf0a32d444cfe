package io.fleetgrid.device.registry;

import io.fleetgrid.device.web.InvalidInputException;
import io.fleetgrid.device.web.NotFoundException;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The device endpoints' web layer with the security library: roles, 401/403/404 and
 * validation problems as problem+json.
 */
@WebMvcTest(DeviceController.class)
@Import(TestTokens.Config.class)
class DeviceControllerWebTests {

	private final MockMvc mvc;

	@MockitoBean
	private DeviceService devices;

	@MockitoBean
	private CsvImport csvImport;

	DeviceControllerWebTests(@Autowired MockMvc mvc) {
		this.mvc = mvc;
	}

	@Test
	void userCannotCreateDevices() throws Exception {
		this.mvc
			.perform(post("/api/v1/devices").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("demo", Role.USER))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"id\": \"veh-1\", \"type\": \"VEHICLE\", \"name\": \"Van\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verifyNoInteractions(this.devices);
	}

	@Test
	void aRequestWithoutTokenIsUnauthorized() throws Exception {
		this.mvc.perform(get("/api/v1/devices")).andExpect(status().isUnauthorized());
		verifyNoInteractions(this.devices);
	}

	@Test
	void theOperatorSeesNoTenantsDevices() throws Exception {
		this.mvc.perform(get("/api/v1/devices/veh-1").header(HttpHeaders.AUTHORIZATION, TestTokens.operator()))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.devices);
	}

	@Test
	void validationErrorsAreProblemsNamingTheField() throws Exception {
		given(this.devices.create(eq("demo"), any()))
			.willThrow(InvalidInputException.of("vehicle.vin", "must be 17 characters, got 3"));

		this.mvc.perform(post("/api/v1/devices")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("demo", Role.FLEET_MANAGER))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\": \"veh-1\", \"type\": \"VEHICLE\", \"name\": \"Van\", \"vehicle\": {\"vin\": \"ABC\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("vehicle.vin"))
			.andExpect(jsonPath("$.detail").value("vehicle.vin: must be 17 characters, got 3"));
	}

	@Test
	void anUnknownDeviceTypeIsAProblemNamingTheField() throws Exception {
		this.mvc
			.perform(post("/api/v1/devices")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("demo", Role.FLEET_MANAGER))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"id\": \"veh-1\", \"type\": \"BOAT\", \"name\": \"Van\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(startsWith("type: ")));
		verifyNoInteractions(this.devices);
	}

	@Test
	void aNegativeOdometerIsAProblemNamingTheField() throws Exception {
		this.mvc
			.perform(post("/api/v1/devices")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("demo", Role.FLEET_MANAGER))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"id\": \"veh-1\", \"type\": \"VEHICLE\", \"name\": \"Van\","
						+ " \"vehicle\": {\"odometerAtInstallKm\": -5}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("odometerAtInstallKm")));
	}

	@Test
	void anUnknownDeviceIsAProblem404() throws Exception {
		given(this.devices.get(any(), eq("veh-9"))).willThrow(new NotFoundException("device", "veh-9"));

		this.mvc
			.perform(get("/api/v1/devices/veh-9").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("demo", Role.USER)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No device 'veh-9'"));
	}

}
