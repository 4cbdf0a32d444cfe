package io.fleetgrid.device.geofence;

import java.util.List;

import io.fleetgrid.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v1/geofences}: every role of the tenant reads them, FLEET_MANAGER and above
 * manage them.
 */
@RestController
@RequestMapping("/api/v1/geofences")
class GeofenceController {

	private final GeofenceService geofences;

	GeofenceController(GeofenceService geofences) {
		this.geofences = geofences;
	}

	@GetMapping
	@PreAuthorize("hasRole('USER')")
	List<GeofenceView> list(Caller caller) {
		return this.geofences.list(caller.tenant());
	}

	@PostMapping
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	ResponseEntity<GeofenceView> create(Caller caller, @RequestBody GeofenceRequest request) {
		GeofenceView created = this.geofences.create(caller.tenant(), request);
		return ResponseEntity
			.created(
					ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('USER')")
	GeofenceView get(Caller caller, @PathVariable String id) {
		return this.geofences.get(caller.tenant(), id);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	GeofenceView replace(Caller caller, @PathVariable String id, @RequestBody GeofenceRequest request) {
		return this.geofences.replace(caller.tenant(), id, request);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Caller caller, @PathVariable String id) {
		this.geofences.delete(caller.tenant(), id);
	}

}
