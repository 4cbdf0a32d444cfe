package io.fleetgrid.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway finds the services through the real discovery server and routes to them.
 */
class ServiceDiscoveryEndToEndIntegrationTests {

	private final FleetGridProcesses fleetgrid = FleetGridProcesses.get();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void servesEachServicesOpenApiDocumentThroughEureka() throws Exception {
		for (String service : new String[] { "device-service", "auth-service" }) {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.fleetgrid.gateway() + "/v3/api-docs/" + service)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(service).isEqualTo(200);
			assertThat(response.body()).as(service).contains("\"openapi\"");
		}
	}

}
