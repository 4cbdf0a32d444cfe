package io.fleetgrid.device.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.Trip;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.device.outbox.Outbox;
import io.fleetgrid.device.registry.DeviceService;
import io.fleetgrid.device.web.ConflictException;
import io.fleetgrid.device.web.NotFoundException;
import io.fleetgrid.device.web.Page;
import io.fleetgrid.device.web.Validator;
import io.fleetgrid.security.Caller;
import io.fleetgrid.security.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the device history and alert acknowledgement. A USER sees the history of its
 * assigned devices only; everything is scoped by the caller's tenant.
 */
@Service
public class HistoryService {

	/** Longest time range of one query at minute resolution. */
	static final Duration MAX_MINUTE_RANGE = Duration.ofDays(7);

	/** Longest time range of any other query. */
	static final Duration MAX_RANGE = Duration.ofDays(800);

	private final HistoryRepository history;

	private final DeviceService devices;

	private final Outbox outbox;

	private final Clock clock;

	HistoryService(HistoryRepository history, DeviceService devices, Outbox outbox, Clock clock) {
		this.history = history;
		this.devices = devices;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Alerts the caller may see.
	 * @param caller the caller
	 * @param filter the filter
	 * @param page page number
	 * @param size page size
	 * @return the alerts, newest first
	 */
	public List<AlertEvent> alerts(Caller caller, AlertFilter filter, int page, int size) {
		Page.validate(page, size);
		validateRange(filter.from(), filter.to(), MAX_RANGE, false);
		if (filter.deviceId() != null) {
			this.devices.visible(caller, filter.deviceId());
		}
		String visibleTo = caller.has(Role.FLEET_MANAGER) ? null : caller.subject();
		return this.history.alerts(caller.tenant(), new AlertFilter(visibleTo, filter.deviceId(), filter.status(),
				filter.severity(), filter.type(), filter.from(), filter.to()), page, size);
	}

	/**
	 * One alert the caller may see.
	 * @param caller the caller
	 * @param alertId the alert
	 * @return its latest step
	 */
	public AlertEvent alert(Caller caller, String alertId) {
		AlertEvent alert = this.history.findAlert(caller.tenant(), alertId, false)
			.orElseThrow(() -> new NotFoundException("alert", alertId))
			.event();
		try {
			this.devices.visible(caller, alert.deviceId());
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("alert", alertId);
		}
		return alert;
	}

	/**
	 * Acknowledges an alert: stores who and when, and publishes the ACKNOWLEDGED step on
	 * {@code fleetgrid.alerts.v1} through the outbox.
	 * @param caller the caller (FLEET_MANAGER or above)
	 * @param alertId the alert
	 * @param comment optional comment
	 * @return the ACKNOWLEDGED step
	 */
	@Transactional
	public AlertEvent acknowledge(Caller caller, String alertId, String comment) {
		Validator validator = new Validator();
		validator.optionalText(comment, "comment", 1000);
		validator.throwIfInvalid();
		AlertEvent current = this.history.findAlert(caller.tenant(), alertId, true)
			.orElseThrow(() -> new NotFoundException("alert", alertId))
			.event();
		if (current.acknowledgement() != null) {
			throw new ConflictException("Alert '" + alertId + "' was already acknowledged by "
					+ current.acknowledgement().by() + " at " + current.acknowledgement().at());
		}
		AlertEvent acknowledged = current.acknowledge(caller.subject(),
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS), (comment != null) ? comment.strip() : null);
		this.history.upsertAlert(acknowledged);
		this.outbox.append(Topics.ALERTS, acknowledged.deviceId(), acknowledged);
		return acknowledged;
	}

	/**
	 * Trips of a device the caller may see.
	 * @param caller the caller
	 * @param deviceId the device
	 * @param from start, inclusive (default: 30 days before {@code to})
	 * @param to end, exclusive (default: now)
	 * @param page page number
	 * @param size page size
	 * @return the trips, newest first
	 */
	public List<Trip> trips(Caller caller, String deviceId, Instant from, Instant to, int page, int size) {
		Page.validate(page, size);
		this.devices.visible(caller, deviceId);
		Instant end = (to != null) ? to : this.clock.instant();
		Instant start = (from != null) ? from : end.minus(Duration.ofDays(30));
		validateRange(start, end, MAX_RANGE, true);
		return this.history.trips(caller.tenant(), deviceId, start, end, page, size);
	}

	/**
	 * Rollups of a device the caller may see.
	 * @param caller the caller
	 * @param deviceId the device
	 * @param from start, inclusive (required)
	 * @param to end, exclusive (required)
	 * @param resolution MINUTE (at most 7 days) or HOUR
	 * @return the rollups, oldest first
	 */
	public List<Rollup> telemetry(Caller caller, String deviceId, Instant from, Instant to,
			Rollup.Resolution resolution) {
		Validator validator = new Validator();
		validator.check(from != null, "from", "is required (ISO-8601 instant)");
		validator.check(to != null, "to", "is required (ISO-8601 instant)");
		validator.throwIfInvalid();
		Rollup.Resolution effective = (resolution != null) ? resolution : Rollup.Resolution.HOUR;
		validateRange(from, to, (effective == Rollup.Resolution.MINUTE) ? MAX_MINUTE_RANGE : MAX_RANGE, true);
		this.devices.visible(caller, deviceId);
		return this.history.rollups(caller.tenant(), deviceId, effective, from, to);
	}

	private static void validateRange(Instant from, Instant to, Duration max, boolean required) {
		if (from == null || to == null) {
			return;
		}
		Validator validator = new Validator();
		if (validator.check(from.isBefore(to), "to", "must be after from")) {
			validator.check(!Duration.between(from, to).minus(max).isPositive(), "from",
					"the range from-to must not exceed " + max.toDays() + " days");
		}
		validator.throwIfInvalid();
	}

}
