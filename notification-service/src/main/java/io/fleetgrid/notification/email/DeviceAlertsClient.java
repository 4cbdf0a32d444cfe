package io.fleetgrid.notification.email;

import java.util.Map;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * device-service's internal acknowledge endpoint ({@code /internal/v1/alerts/{id}/ack},
 * role SERVICE). Called with this service's token (added by the security library's
 * interceptor) plus the tenant and the acting user in headers.
 */
@FeignClient(name = "device-service", contextId = "deviceAlerts",
		url = "${fleetgrid.notification.ack.device-service-url:}")
public interface DeviceAlertsClient {

	/**
	 * Acknowledges an alert on behalf of a user.
	 * @param alertId alert
	 * @param tenantId tenant ({@code X-FleetGrid-Tenant})
	 * @param userId acting user ({@code X-FleetGrid-On-Behalf-Of})
	 * @param body {@code {"comment": ...}}
	 */
	@PostMapping("/internal/v1/alerts/{id}/ack")
	void acknowledge(@PathVariable("id") String alertId, @RequestHeader("X-FleetGrid-Tenant") String tenantId,
			@RequestHeader("X-FleetGrid-On-Behalf-Of") String userId, @RequestBody Map<String, String> body);

}
