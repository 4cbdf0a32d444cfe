package io.fleetgrid.device.rules;

import io.fleetgrid.contracts.event.RuleSettings;
import io.fleetgrid.contracts.event.RuleSettings.Thresholds;
import io.fleetgrid.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/groups/{id}/rules} and the tenant defaults at
 * {@code /api/v1/rules/defaults}: every role of the tenant reads them, FLEET_MANAGER and
 * above change them.
 */
@RestController
class RuleController {

	private final RuleService rules;

	RuleController(RuleService rules) {
		this.rules = rules;
	}

	@GetMapping("/api/v1/groups/{id}/rules")
	@PreAuthorize("hasRole('USER')")
	RuleSettingsView get(Caller caller, @PathVariable String id) {
		return this.rules.get(caller.tenant(), id);
	}

	@PutMapping("/api/v1/groups/{id}/rules")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	RuleSettingsView put(Caller caller, @PathVariable String id, @RequestBody Thresholds thresholds) {
		return this.rules.put(caller.tenant(), id, thresholds);
	}

	@DeleteMapping("/api/v1/groups/{id}/rules")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Caller caller, @PathVariable String id) {
		this.rules.delete(caller.tenant(), id);
	}

	@GetMapping("/api/v1/rules/defaults")
	@PreAuthorize("hasRole('USER')")
	RuleSettingsView getDefaults(Caller caller) {
		return this.rules.get(caller.tenant(), RuleSettings.TENANT_DEFAULTS);
	}

	@PutMapping("/api/v1/rules/defaults")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	RuleSettingsView putDefaults(Caller caller, @RequestBody Thresholds thresholds) {
		return this.rules.put(caller.tenant(), RuleSettings.TENANT_DEFAULTS, thresholds);
	}

	@DeleteMapping("/api/v1/rules/defaults")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteDefaults(Caller caller) {
		this.rules.delete(caller.tenant(), RuleSettings.TENANT_DEFAULTS);
	}

}
