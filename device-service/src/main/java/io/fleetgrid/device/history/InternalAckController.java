package io.fleetgrid.device.history;

import java.util.Set;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.security.Caller;
import io.fleetgrid.security.Role;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/v1/alerts/{id}/ack}: an acknowledgement made elsewhere on behalf
 * of a user, today the one-time acknowledge link of notification-service's e-mails. Only
 * SERVICE callers reach it (the security library's {@code /internal/**} rule; never
 * routed by the gateway). The calling service vouches for the user and the tenant
 * (notification-service signs its links and sends them only to the alert's recipients);
 * the acknowledgement is stored and published exactly as one made through
 * {@code /api/v1/alerts/{id}/ack}, naming the user, and scoped to the given tenant.
 */
@RestController
class InternalAckController {

	private final HistoryService history;

	InternalAckController(HistoryService history) {
		this.history = history;
	}

	@PostMapping("/internal/v1/alerts/{id}/ack")
	AlertEvent acknowledge(@PathVariable String id, @RequestHeader("X-FleetGrid-Tenant") String tenantId,
			@RequestHeader("X-FleetGrid-On-Behalf-Of") String userId,
			@RequestBody(required = false) HistoryController.Acknowledgement body) {
		Caller onBehalfOf = new Caller(userId, tenantId, Set.of(Role.FLEET_MANAGER), userId);
		return this.history.acknowledge(onBehalfOf, id, (body != null) ? body.comment() : null);
	}

}
