package io.fleetgrid.device.credentials;

import com.jayway.jsonpath.DocumentContext;
import io.fleetgrid.device.support.DeviceIntegrationTestSupport;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credential check as ingest-service calls it, and rotation and revocation.
 */
class CredentialIntegrationTests extends DeviceIntegrationTestSupport {

	CredentialIntegrationTests(@Autowired ApplicationContext context) {
		super(context);
	}

	@Test
	void theIssuedTokenVerifiesWithTenantTypeAndActiveFlag() {
		String tenant = unique("t");
		Issued device = create(tenant);

		ResponseEntity<String> response = verify(device.id(), device.token());

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		DocumentContext body = json(response);
		assertThat(body.read("$.deviceId", String.class)).isEqualTo(device.id());
		assertThat(body.read("$.tenantId", String.class)).isEqualTo(tenant);
		assertThat(body.read("$.type", String.class)).isEqualTo("INVERTER");
		assertThat(body.read("$.active", Boolean.class)).isTrue();
	}

	@Test
	void aWrongTokenAndAnUnknownDeviceGetTheSame401() {
		Issued device = create(unique("t"));

		ResponseEntity<String> wrong = verify(device.id(), device.token().substring(1) + "A");
		ResponseEntity<String> unknown = verify(unique("nobody"), device.token());

		assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(wrong.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(json(wrong).read("$.detail", String.class)).isEqualTo(json(unknown).read("$.detail", String.class));
	}

	@Test
	void onlyServicesMayCallTheCheck() {
		Issued device = create(unique("t"));
		String body = "{\"deviceId\": \"" + device.id() + "\", \"token\": \"" + device.token() + "\"}";

		assertThat(call(HttpMethod.POST, "/internal/v1/credentials/verify", TestTokens.bearer(unique("t"), Role.ADMIN),
				body)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(call(HttpMethod.POST, "/internal/v1/credentials/verify", null, body).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void rotationReplacesTheTokenAndRevocationDisablesIt() {
		String tenant = unique("t");
		String manager = TestTokens.bearer(tenant, Role.FLEET_MANAGER);
		Issued device = create(tenant);

		ResponseEntity<String> rotated = call(HttpMethod.POST, "/api/v1/devices/" + device.id() + "/credentials",
				manager, null);
		String newToken = json(rotated).read("$.token", String.class);

		assertThat(newToken).isNotEqualTo(device.token());
		assertThat(verify(device.id(), device.token()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(verify(device.id(), newToken).getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<String> revoked = call(HttpMethod.DELETE, "/api/v1/devices/" + device.id() + "/credentials",
				manager, null);
		assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json(revoked).read("$.credentialIssuedAt", String.class)).isNull();
		assertThat(verify(device.id(), newToken).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aDeactivatedDeviceStillVerifiesButReportsInactive() {
		String tenant = unique("t");
		Issued device = create(tenant);
		call(HttpMethod.POST, "/api/v1/devices/" + device.id() + "/deactivate",
				TestTokens.bearer(tenant, Role.FLEET_MANAGER), null);

		ResponseEntity<String> response = verify(device.id(), device.token());

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json(response).read("$.active", Boolean.class)).isFalse();
	}

	private ResponseEntity<String> verify(String deviceId, String token) {
		return call(HttpMethod.POST, "/internal/v1/credentials/verify", TestTokens.service(),
				"{\"deviceId\": \"" + deviceId + "\", \"token\": \"" + token + "\"}");
	}

	private Issued create(String tenant) {
		String id = unique("inv");
		ResponseEntity<String> response = call(HttpMethod.POST, "/api/v1/devices", TestTokens
			.bearer(tenant, Role.FLEET_MANAGER), """
					{"id": "%s", "type": "INVERTER", "name": "Roof", "energy": {"ratedPowerKw": 10, "pvPeakKwp": 12}}
					""".formatted(id));
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
		return new Issued(id, json(response).read("$.token", String.class));
	}

	private record Issued(String id, String token) {

	}

}
