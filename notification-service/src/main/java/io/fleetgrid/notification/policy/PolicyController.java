package io.fleetgrid.notification.policy;

import jakarta.validation.Valid;

import io.fleetgrid.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /api/v1/notifications/policy} (ADMIN): the caller's tenant's
 * notification policy. {@code escalationMinutes} null (or absent) in a PUT goes back to
 * the configured default. A change also applies to escalations already waiting.
 */
@RestController
@RequestMapping("/api/v1/notifications/policy")
@PreAuthorize("hasRole('ADMIN')")
class PolicyController {

	private final TenantPolicies policies;

	PolicyController(TenantPolicies policies) {
		this.policies = policies;
	}

	@GetMapping
	PolicyView get(Caller caller) {
		return this.policies.get(caller.tenant());
	}

	@PutMapping
	PolicyView put(Caller caller, @Valid @RequestBody PolicyRequest request) {
		return this.policies.update(caller.tenant(), request, caller.subject());
	}

}
