package io.fleetgrid.notification.policy;

import java.time.Clock;

import io.fleetgrid.notification.NotificationProperties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes a tenant's notification policy; what is not set is the configured
 * default ({@code fleetgrid.notification.escalation.after}).
 */
@Service
class TenantPolicies {

	private final TenantPolicyRepository repository;

	private final Clock clock;

	private final long defaultMinutes;

	TenantPolicies(TenantPolicyRepository repository, Clock clock, NotificationProperties properties) {
		this.repository = repository;
		this.clock = clock;
		this.defaultMinutes = properties.escalation().after().toMinutes();
	}

	@Transactional(readOnly = true)
	PolicyView get(String tenantId) {
		TenantPolicyRepository.Stored stored = this.repository.find(tenantId).orElse(null);
		if (stored == null || stored.escalationMinutes() == null) {
			return new PolicyView(this.defaultMinutes, true, this.defaultMinutes,
					(stored != null) ? stored.updatedBy() : null, (stored != null) ? stored.updatedAt() : null);
		}
		return new PolicyView(stored.escalationMinutes(), false, this.defaultMinutes, stored.updatedBy(),
				stored.updatedAt());
	}

	@Transactional
	PolicyView update(String tenantId, PolicyRequest request, String updatedBy) {
		this.repository.save(tenantId, request.escalationMinutes(), updatedBy, this.clock.instant());
		return get(tenantId);
	}

}
