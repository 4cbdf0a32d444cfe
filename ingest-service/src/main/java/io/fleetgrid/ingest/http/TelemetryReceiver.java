package io.fleetgrid.ingest.http;

import java.io.IOException;
import java.io.InputStream;

import io.fleetgrid.contracts.telemetry.TelemetryLimits;
import io.fleetgrid.ingest.device.DeviceAuthenticator;
import io.fleetgrid.ingest.device.VerifiedDevice;
import io.fleetgrid.ingest.problem.IngestException;
import io.fleetgrid.ingest.telemetry.TelemetryIngestor;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The steps of {@code POST /api/v1/telemetry} after the content type was accepted: Basic
 * credentials (401), device check (401/403/503), body of at most 256 KiB (413), then
 * validate, rate-limit, deduplicate and publish (400/429/503) until Kafka acknowledged
 * every event. Shared by {@link DirectTelemetryFilter} and {@link TelemetryController}.
 */
class TelemetryReceiver {

	private final DeviceAuthenticator authenticator;

	private final TelemetryIngestor ingestor;

	private final int maxBodyBytes = TelemetryLimits.DEFAULTS.maxBodyBytes();

	TelemetryReceiver(DeviceAuthenticator authenticator, TelemetryIngestor ingestor) {
		this.authenticator = authenticator;
		this.ingestor = ingestor;
	}

	/**
	 * Authenticates the device, reads the body and ingests it.
	 * @param authorization the {@code Authorization} header, or null
	 * @param request the request (its body is read here)
	 * @return the number of events accepted
	 * @throws IngestException every refusal
	 * @throws IOException if the body cannot be read
	 */
	int receive(String authorization, HttpServletRequest request) throws IOException {
		BasicCredentials credentials = BasicCredentials.parse(authorization);
		VerifiedDevice device = this.authenticator.authenticate(credentials.deviceId(), credentials.token());
		byte[] body = readBody(request);
		return this.ingestor.ingest(device, body);
	}

	private byte[] readBody(HttpServletRequest request) throws IOException {
		long length = request.getContentLengthLong();
		if (length > this.maxBodyBytes) {
			throw tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			if (length >= 0) {
				// The container delivers at most Content-Length bytes: read into one
				// array of
				// that size instead of 8 KiB chunks copied together (a single event is
				// ~300
				// bytes).
				return in.readNBytes((int) length);
			}
			byte[] body = in.readNBytes(this.maxBodyBytes + 1);
			if (body.length > this.maxBodyBytes) {
				throw tooLarge();
			}
			return body;
		}
	}

	private IngestException tooLarge() {
		return IngestException
			.tooLarge("the body is larger than " + this.maxBodyBytes + " bytes; split the batch (at most 500 events)");
	}

}
