package io.fleetgrid.security.autoconfigure;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fleetgrid.contracts.event.TenantSnapshot;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.tenant.TenantDirectory;
import io.fleetgrid.security.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(SecurityTestApplication.ProbeController.class)
@Import({ TestTokens.Config.class, FleetGridSecurityAutoConfigurationTests.Tenants.class })
@TestPropertySource(properties = "fleetgrid.security.public-paths=/api/v1/open")
class FleetGridSecurityAutoConfigurationTests {

	private final MockMvc mvc;

	FleetGridSecurityAutoConfigurationTests(@Autowired MockMvc mvc) {
		this.mvc = mvc;
	}

	@Test
	void requestWithoutTokenGetsProblem401WithBearerChallenge() throws Exception {
		this.mvc.perform(get("/api/v1/whoami"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.instance").value("/api/v1/whoami"));
	}

	@Test
	void tamperedTokenIsRefusedAsInvalid() throws Exception {
		String token = TestTokens.bearer("demo", Role.ADMIN);
		this.mvc
			.perform(get("/api/v1/whoami").header(HttpHeaders.AUTHORIZATION, token.substring(0, token.length() - 4)))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
	}

	@Test
	void expiredTokenIsRefused() throws Exception {
		String token = TestTokens.token("u", "demo", Instant.now().minusSeconds(3600), Role.ADMIN);
		this.mvc.perform(get("/api/v1/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void callerParameterCarriesTheTokensSubjectAndTenantAndTheMdcNamesTheTenant() throws Exception {
		this.mvc
			.perform(get("/api/v1/whoami").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("u-7", "demo", Role.USER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("u-7"))
			.andExpect(jsonPath("$.tenant").value("demo"))
			.andExpect(jsonPath("$.mdcTenant").value("demo"));
	}

	@Test
	void adminHasTheRightsOfAFleetManagerThroughTheHierarchy() throws Exception {
		this.mvc
			.perform(get("/api/v1/managed").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("demo", Role.ADMIN)))
			.andExpect(status().isOk());
	}

	@Test
	void userIsDeniedAManagerEndpointWithProblem403() throws Exception {
		this.mvc.perform(get("/api/v1/managed").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("demo", Role.USER)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403));
	}

	@Test
	void fleetManagerIsDeniedAnAdminEndpoint() throws Exception {
		this.mvc
			.perform(get("/api/v1/admin").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("demo", Role.FLEET_MANAGER)))
			.andExpect(status().isForbidden());
	}

	@Test
	void operatorAskingForTenantDataGets403() throws Exception {
		this.mvc.perform(get("/api/v1/whoami").header(HttpHeaders.AUTHORIZATION, TestTokens.operator()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no tenant")));
	}

	@Test
	void operatorIsNotAnAdminOfAnyTenant() throws Exception {
		this.mvc.perform(get("/api/v1/admin").header(HttpHeaders.AUTHORIZATION, TestTokens.operator()))
			.andExpect(status().isForbidden());
	}

	@Test
	void internalPathsAreForServicesOnly() throws Exception {
		this.mvc
			.perform(get("/internal/v1/probe").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("demo", Role.ADMIN)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/internal/v1/probe").header(HttpHeaders.AUTHORIZATION, TestTokens.service()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/internal/v1/probe")).andExpect(status().isUnauthorized());
	}

	@Test
	void configuredPublicPathNeedsNoToken() throws Exception {
		this.mvc.perform(get("/api/v1/open")).andExpect(status().isOk());
	}

	@Test
	void tokenOfASuspendedTenantStopsWorking() throws Exception {
		this.mvc
			.perform(get("/api/v1/whoami").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer("suspended-co", Role.ADMIN)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("The tenant 'suspended-co' is suspended"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Tenants {

		@Bean
		TenantDirectory tenantDirectory() {
			return (tenantId) -> tenantId.equals("suspended-co") ? Optional.of(new TenantSnapshot(tenantId,
					"Suspended Co", TenantSnapshot.Status.SUSPENDED, Instant.parse("2026-11-01T00:00:00Z")))
					: Optional.empty();
		}

	}

}
