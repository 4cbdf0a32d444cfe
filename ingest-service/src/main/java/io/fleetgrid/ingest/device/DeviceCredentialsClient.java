package io.fleetgrid.ingest.device;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * device-service's internal credential check. The security library's Feign interceptor
 * adds the service token. Without {@code fleetgrid.ingest.device-auth.url} the client
 * finds device-service through discovery.
 */
@FeignClient(name = "device-service", contextId = "deviceCredentials", url = "${fleetgrid.ingest.device-auth.url:}")
public interface DeviceCredentialsClient {

	/**
	 * Verifies a device's credentials.
	 * @param check device id and token
	 * @return the device, if the token is right (401 otherwise)
	 */
	@PostMapping(path = "/internal/v1/credentials/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
	VerifiedDevice verify(@RequestBody CredentialCheck check);

}
