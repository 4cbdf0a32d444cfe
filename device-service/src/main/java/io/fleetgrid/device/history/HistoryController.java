package io.fleetgrid.device.history;

import java.time.Instant;
import java.util.List;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.Trip;
import io.fleetgrid.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Device history ({@code /api/v1/devices/{id}/alerts|trips|telemetry}) and alerts
 * ({@code /api/v1/alerts}). Every role of the tenant reads (USER: assigned devices only);
 * FLEET_MANAGER and above acknowledge.
 */
@RestController
class HistoryController {

	private final HistoryService history;

	HistoryController(HistoryService history) {
		this.history = history;
	}

	@GetMapping("/api/v1/alerts")
	@PreAuthorize("hasRole('USER')")
	List<AlertEvent> alerts(Caller caller, @RequestParam(required = false) Status status,
			@RequestParam(required = false) Severity severity, @RequestParam(required = false) String type,
			@RequestParam(required = false) String deviceId, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.history.alerts(caller, new AlertFilter(null, deviceId, status, severity, type, from, to), page,
				size);
	}

	@GetMapping("/api/v1/alerts/{id}")
	@PreAuthorize("hasRole('USER')")
	AlertEvent alert(Caller caller, @PathVariable String id) {
		return this.history.alert(caller, id);
	}

	@PostMapping("/api/v1/alerts/{id}/ack")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	AlertEvent acknowledge(Caller caller, @PathVariable String id,
			@RequestBody(required = false) Acknowledgement body) {
		return this.history.acknowledge(caller, id, (body != null) ? body.comment() : null);
	}

	@GetMapping("/api/v1/devices/{id}/alerts")
	@PreAuthorize("hasRole('USER')")
	List<AlertEvent> deviceAlerts(Caller caller, @PathVariable String id, @RequestParam(required = false) Status status,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.history.alerts(caller, new AlertFilter(null, id, status, null, null, from, to), page, size);
	}

	@GetMapping("/api/v1/devices/{id}/trips")
	@PreAuthorize("hasRole('USER')")
	List<Trip> trips(Caller caller, @PathVariable String id, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.history.trips(caller, id, from, to, page, size);
	}

	@GetMapping("/api/v1/devices/{id}/telemetry")
	@PreAuthorize("hasRole('USER')")
	List<Rollup> telemetry(Caller caller, @PathVariable String id, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) Rollup.Resolution resolution) {
		return this.history.telemetry(caller, id, from, to, resolution);
	}

	/**
	 * Body of an acknowledgement.
	 *
	 * @param comment optional comment
	 */
	record Acknowledgement(String comment) {

	}

}
