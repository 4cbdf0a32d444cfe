package io.fleetgrid.device.registry;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.device.web.Page;
import io.fleetgrid.security.Caller;
import io.fleetgrid.security.Role;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v1/devices}: FLEET_MANAGER and above manage devices; USER reads the devices
 * assigned to it.
 */
@RestController
@RequestMapping("/api/v1/devices")
class DeviceController {

	/** Largest CSV import (about 5 MB). */
	static final int MAX_CSV_CHARS = 5_000_000;

	private final DeviceService devices;

	private final CsvImport csv;

	DeviceController(DeviceService devices, CsvImport csv) {
		this.devices = devices;
		this.csv = csv;
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

	@PostMapping(path = "/import", consumes = "text/csv")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	ResponseEntity<ImportResult> importCsv(Caller caller, @RequestBody String csv) {
		if (csv.length() > MAX_CSV_CHARS) {
			throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
					"A CSV import may have at most " + MAX_CSV_CHARS + " characters");
		}
		List<IssuedCredential> created = this.csv.importCsv(caller.tenant(), csv);
		return ResponseEntity.status(HttpStatus.CREATED).body(new ImportResult(created.size(), created));
	}

	@GetMapping(path = "/export", produces = "text/csv")
	@PreAuthorize("hasRole('USER')")
	ResponseEntity<String> exportCsv(Caller caller) {
		String visibleTo = caller.has(Role.FLEET_MANAGER) ? null : caller.subject();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"devices.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(this.csv.exportCsv(caller.tenant(), visibleTo));
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

	/**
	 * The answer of a successful import.
	 *
	 * @param imported the number of devices created
	 * @param devices each device with its token (shown once)
	 */
	record ImportResult(int imported, List<IssuedCredential> devices) {

	}

	@DeleteMapping("/{id}/credentials")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	DeviceView revokeCredential(Caller caller, @PathVariable String id) {
		return this.devices.revokeCredential(caller.tenant(), id);
	}

}
