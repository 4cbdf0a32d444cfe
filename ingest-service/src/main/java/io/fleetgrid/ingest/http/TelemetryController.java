package io.fleetgrid.ingest.http;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/telemetry}: one event or a batch from an authenticated device;
 * {@code 202} only after Kafka acknowledged every event. The MVC mapping documents the
 * endpoint (OpenAPI) and answers the methods other than POST (405); POST itself is served
 * by {@link DirectTelemetryFilter} before the MVC and security filter chains, unless
 * {@code fleetgrid.ingest.http.direct=false}.
 */
@RestController
class TelemetryController {

	private final TelemetryReceiver receiver;

	TelemetryController(TelemetryReceiver receiver) {
		this.receiver = receiver;
	}

	@PostMapping(path = DirectTelemetryFilter.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<AcceptedTelemetry> post(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) throws IOException {
		return ResponseEntity.accepted().body(new AcceptedTelemetry(this.receiver.receive(authorization, request)));
	}

	/**
	 * The answer to an accepted body.
	 *
	 * @param accepted how many events were accepted
	 */
	record AcceptedTelemetry(int accepted) {
	}

}
