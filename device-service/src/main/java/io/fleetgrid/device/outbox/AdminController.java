package io.fleetgrid.device.outbox;

import java.util.List;
import java.util.Map;

import io.fleetgrid.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/republish} (ADMIN): writes the current snapshot of every
 * device, geofence and rule setting of the caller's tenant to the outbox again, so the
 * compacted topics can be rebuilt after a loss.
 */
@RestController
class AdminController {

	private final List<Republishable> features;

	AdminController(List<Republishable> features) {
		this.features = features;
	}

	@PostMapping("/api/v1/admin/republish")
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	Map<String, Integer> republish(Caller caller) {
		String tenant = caller.tenant();
		int records = this.features.stream().mapToInt((feature) -> feature.republish(tenant)).sum();
		return Map.of("records", records);
	}

}
