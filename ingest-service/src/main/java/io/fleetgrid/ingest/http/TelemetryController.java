package io.fleetgrid.ingest.http;

import java.io.IOException;
import java.io.InputStream;

import io.fleetgrid.ingest.device.DeviceAuthenticator;
import io.fleetgrid.ingest.device.VerifiedDevice;
import io.fleetgrid.ingest.problem.IngestException;
import io.fleetgrid.ingest.telemetry.TelemetryIngestor;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/telemetry}: one event or a batch from an authenticated device;
 * {@code 202} only after Kafka acknowledged every event.
 */
@RestController
class TelemetryController {

	private final DeviceAuthenticator authenticator;

	private final TelemetryIngestor ingestor;

	private final int maxBodyBytes = io.fleetgrid.contracts.telemetry.TelemetryLimits.DEFAULTS.maxBodyBytes();

	TelemetryController(DeviceAuthenticator authenticator, TelemetryIngestor ingestor) {
		this.authenticator = authenticator;
		this.ingestor = ingestor;
	}

	@PostMapping(path = "/api/v1/telemetry", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<AcceptedTelemetry> post(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) throws IOException {
		BasicCredentials credentials = BasicCredentials.parse(authorization);
		VerifiedDevice device = this.authenticator.authenticate(credentials.deviceId(), credentials.token());
		byte[] body = readBody(request);
		int accepted = this.ingestor.ingest(device, body);
		return ResponseEntity.accepted().body(new AcceptedTelemetry(accepted));
	}

	private byte[] readBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > this.maxBodyBytes) {
			throw tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
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

	/**
	 * The answer to an accepted body.
	 *
	 * @param accepted how many events were accepted
	 */
	record AcceptedTelemetry(int accepted) {
	}

}
