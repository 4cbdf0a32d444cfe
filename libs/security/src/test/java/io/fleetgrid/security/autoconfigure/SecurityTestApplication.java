package io.fleetgrid.security.autoconfigure;

import java.util.Map;

import org.slf4j.MDC;

import io.fleetgrid.security.Caller;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service using the library, for the slice tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
class SecurityTestApplication {

	@RestController
	static class ProbeController {

		@GetMapping("/api/v1/whoami")
		Map<String, Object> whoami(Caller caller) {
			return Map.of("subject", caller.subject(), "tenant", caller.tenant(), "mdcTenant",
					String.valueOf(MDC.get("tenantId")));
		}

		@GetMapping("/api/v1/managed")
		@PreAuthorize("hasRole('FLEET_MANAGER')")
		String managed() {
			return "managed";
		}

		@GetMapping("/api/v1/admin")
		@PreAuthorize("hasRole('ADMIN')")
		String admin() {
			return "admin";
		}

		@GetMapping("/api/v1/open")
		String open() {
			return "open";
		}

		@GetMapping("/internal/v1/probe")
		String internal() {
			return "internal";
		}

	}

}
