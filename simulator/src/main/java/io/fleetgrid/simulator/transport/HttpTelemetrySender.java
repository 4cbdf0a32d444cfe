package io.fleetgrid.simulator.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.fleetgrid.simulator.model.DeviceCredential;
import io.fleetgrid.simulator.model.EventJson;

/**
 * {@code POST {baseUrl}/api/v1/telemetry} with the device's Basic credentials, one event
 * as an object, several as an array.
 */
public final class HttpTelemetrySender implements TelemetrySender {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI uri;

	private final Map<String, String> authorization = new ConcurrentHashMap<>();

	/**
	 * A sender.
	 * @param baseUrl the gateway or ingest-service, for example
	 * {@code http://localhost:8080}
	 */
	public HttpTelemetrySender(String baseUrl) {
		this.uri = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/telemetry");
	}

	@Override
	public CompletableFuture<String> send(DeviceCredential device, List<String> events) {
		String body = (events.size() == 1) ? events.get(0) : EventJson.batch(events);
		String basic = this.authorization.computeIfAbsent(device.deviceId(), (id) -> "Basic "
				+ Base64.getEncoder().encodeToString((id + ":" + device.token()).getBytes(StandardCharsets.UTF_8)));
		HttpRequest request = HttpRequest.newBuilder(this.uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", basic)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.thenApply((response) -> String.valueOf(response.statusCode()));
	}

	@Override
	public boolean accepted(String outcome) {
		return "202".equals(outcome);
	}

	@Override
	public void close() {
		this.client.close();
	}

}
