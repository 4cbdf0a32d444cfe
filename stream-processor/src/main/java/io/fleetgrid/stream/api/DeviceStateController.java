package io.fleetgrid.stream.api;

import io.fleetgrid.security.Caller;
import io.fleetgrid.stream.registry.Registry;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/devices/{id}/state}: the latest state of a device of the caller's
 * tenant. A device of another tenant, or (for role USER) a device not assigned to the
 * caller, is 404 like a device without data.
 */
@RestController
@RequestMapping("/api/v1/devices")
class DeviceStateController {

	private final DeviceStateView view;

	private final Registry registry;

	DeviceStateController(DeviceStateView view, Registry registry) {
		this.view = view;
		this.registry = registry;
	}

	@GetMapping("/{id}/state")
	DeviceStateResponse state(@PathVariable("id") String id, Caller caller) {
		DeviceScope scope = DeviceScope.of(caller, null, null);
		var state = this.view.find(id)
			.filter((found) -> found.tenantId().equals(scope.tenantId()))
			.orElseThrow(() -> notFound(id));
		if (scope.assignedTo() != null && !scope.admits(this.registry.device(id))) {
			throw notFound(id);
		}
		return DeviceStateResponse.of(state);
	}

	private static ResponseStatusException notFound(String id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No state for device " + id);
	}

}
