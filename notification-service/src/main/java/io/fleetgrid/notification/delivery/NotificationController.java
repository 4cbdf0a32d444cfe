package io.fleetgrid.notification.delivery;

import java.time.Clock;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import io.fleetgrid.contracts.event.NotificationOutcome.DeliveryStatus;
import io.fleetgrid.notification.api.NotFoundException;
import io.fleetgrid.security.Caller;
import io.fleetgrid.security.Role;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/notifications}: delivery history, newest first, paged with
 * {@code before} (the last id of the previous page). A user sees the notifications
 * addressed to them; an ADMIN sees the tenant's. {@code POST .../{id}/redeliver}
 * (FLEET_MANAGER+) queues a FAILED notification again.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@Validated
class NotificationController {

	private final DeliveryRepository repository;

	private final DeliveryEvents events;

	private final Clock clock;

	NotificationController(DeliveryRepository repository, DeliveryEvents events, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping
	List<NotificationView> history(Caller caller, @RequestParam(required = false) @Nullable DeliveryStatus status,
			@RequestParam(required = false) @Nullable Long before,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		String userId = caller.has(Role.ADMIN) ? null : caller.subject();
		return this.repository.history(caller.tenant(), userId, status, before, limit)
			.stream()
			.map(NotificationView::of)
			.toList();
	}

	@GetMapping("/{id}")
	NotificationView get(Caller caller, @PathVariable long id) {
		Delivery delivery = this.repository.find(caller.tenant(), id)
			.filter((d) -> caller.has(Role.ADMIN) || caller.subject().equals(d.userId()))
			.orElseThrow(() -> new NotFoundException("No notification " + id));
		return NotificationView.of(delivery);
	}

	@PostMapping("/{id}/redeliver")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	NotificationView redeliver(Caller caller, @PathVariable long id) {
		Delivery delivery = this.repository.requeueFailed(caller.tenant(), id, this.clock.instant())
			.orElseThrow(() -> new NotFoundException("No FAILED notification " + id));
		this.events.publish(List.of(delivery));
		return NotificationView.of(delivery);
	}

}
