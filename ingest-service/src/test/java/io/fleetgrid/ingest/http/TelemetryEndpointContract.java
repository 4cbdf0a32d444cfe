package io.fleetgrid.ingest.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.ingest.support.IngestIntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code POST /api/v1/telemetry} answers, whichever path serves it: the
 * {@link DirectTelemetryFilter} ({@link DirectTelemetryPathIntegrationTests}) or the MVC
 * controller behind the security chain ({@link MvcTelemetryPathIntegrationTests}).
 */
abstract class TelemetryEndpointContract extends IngestIntegrationTestSupport {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@Test
	void answers202WithTheAcceptedCountAsJson() {
		String device = newVehicle("tenant-c");

		HttpResponse<String> response = send(
				request(device, "token-" + device).header("Content-Type", "application/json; charset=UTF-8"),
				batch(7, 8));

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat((Integer) JsonPath.read(response.body(), "$.accepted")).isEqualTo(2);
		assertThat(readToEnd(Topics.TELEMETRY, device)).hasSize(2);
	}

	@Test
	void refusesAWrongTokenWithTheProblemDocumentAndHeaders() {
		String device = newVehicle("tenant-c");

		HttpResponse<String> response = send(request(device, "wrong").header("Content-Type", "application/json"),
				batch(1));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValue(IngestProblemHandler.WWW_AUTHENTICATE_BASIC);
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
		Map<String, Object> problem = JsonPath.read(response.body(), "$");
		// Spring's document of a ProblemDetail (type about:blank is left out), on either
		// path
		assertThat(problem).isEqualTo(Map.of("title", "Unauthorized", "status", 401, "detail",
				"unknown device or wrong token", "instance", "/api/v1/telemetry"));
		assertThat(readToEnd(Topics.TELEMETRY, device)).isEmpty();
	}

	@Test
	void refusesAContentTypeOtherThanJsonWith415BeforeLookingAtTheCredentials() {
		HttpResponse<String> response = send(request("veh-unknown", "whatever").header("Content-Type", "text/plain"),
				batch(1));

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(415);
		assertThat((String) JsonPath.read(response.body(), "$.instance")).isEqualTo("/api/v1/telemetry");
	}

	@Test
	void refusesAMissingContentTypeWith415() {
		String device = newVehicle("tenant-c");

		HttpResponse<String> response = send(request(device, "token-" + device), batch(1));

		assertThat(response.statusCode()).isEqualTo(415);
	}

	@Test
	void refusesAnAcceptThatExcludesJsonWith406() {
		String device = newVehicle("tenant-c");

		HttpResponse<String> response = send(
				request(device, "token-" + device).header("Content-Type", "application/json")
					.header("Accept", "text/html"),
				batch(1));

		assertThat(response.statusCode()).isEqualTo(406);
		assertThat(readToEnd(Topics.TELEMETRY, device)).isEmpty();
	}

	@Test
	void answersOtherMethodsWith405() throws Exception {
		HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri()).GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(405);
	}

	protected URI uri() {
		return URI.create("http://localhost:" + this.port + DirectTelemetryFilter.PATH);
	}

	protected HttpRequest.Builder request(String deviceId, String token) {
		return HttpRequest.newBuilder(uri())
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((deviceId + ":" + token).getBytes(StandardCharsets.UTF_8)));
	}

	protected static HttpResponse<String> send(HttpRequest.Builder request, String body) {
		try {
			return CLIENT.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
