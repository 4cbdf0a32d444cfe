package io.fleetgrid.notification.directory;

import java.util.List;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * auth-service's internal user listing. The security library's interceptor adds the
 * service token; the URL comes from discovery unless
 * {@code fleetgrid.notification.directory.auth-service-url} is set.
 */
@FeignClient(name = "auth-service", contextId = "authUsers",
		url = "${fleetgrid.notification.directory.auth-service-url:}")
public interface AuthUsersClient {

	/**
	 * The users of a tenant.
	 * @param tenantId tenant
	 * @return its users
	 */
	@GetMapping("/internal/v1/tenants/{tenantId}/users")
	List<TenantUser> users(@PathVariable("tenantId") String tenantId);

}
