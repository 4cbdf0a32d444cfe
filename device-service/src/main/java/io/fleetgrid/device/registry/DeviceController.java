package io.fleetgrid.device.registry;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.device.web.Page;
import io.fleetgrid.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v1/devices}: FLEET_MANAGER and above manage devices; USER reads the devices
 * assigned to it.
 */
@RestController
@RequestMapping("/api/v1/devices")
class DeviceController {

	private final DeviceService devices;

	DeviceController(DeviceService devices) {
		this.devices = devices;
	}

	@GetMapping
	@PreAuthorize("hasRole('USER')")
	Page<DeviceView> search(Caller caller, @RequestParam(required = false) DeviceType type,
			@RequestParam(required = false) String groupId, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.devices.search(caller, new DeviceFilter(null, type, groupId, active, tag, q), page, size);
	}

	@PostMapping
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	ResponseEntity<IssuedCredential> create(Caller caller, @RequestBody DeviceRequest request) {
		IssuedCredential created = this.devices.create(caller.tenant(), request);
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequest()
				.path("/{id}")
				.buildAndExpand(created.device().id())
				.toUri())
			.body(created);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('USER')")
	DeviceView get(Caller caller, @PathVariable String id) {
		return this.devices.get(caller, id);
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	DeviceView update(Caller caller, @PathVariable String id, @RequestBody DevicePatch patch) {
		return this.devices.update(caller.tenant(), id, patch);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Caller caller, @PathVariable String id) {
		this.devices.delete(caller.tenant(), id);
	}

	@PostMapping("/{id}/activate")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	DeviceView activate(Caller caller, @PathVariable String id) {
		return this.devices.setActive(caller.tenant(), id, true);
	}

	@PostMapping("/{id}/deactivate")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	DeviceView deactivate(Caller caller, @PathVariable String id) {
		return this.devices.setActive(caller.tenant(), id, false);
	}

	@PostMapping("/{id}/credentials")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	IssuedCredential rotateCredential(Caller caller, @PathVariable String id) {
		return this.devices.rotateCredential(caller.tenant(), id);
	}

	@DeleteMapping("/{id}/credentials")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	DeviceView revokeCredential(Caller caller, @PathVariable String id) {
		return this.devices.revokeCredential(caller.tenant(), id);
	}

}
