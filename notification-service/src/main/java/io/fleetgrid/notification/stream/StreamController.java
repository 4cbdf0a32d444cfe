package io.fleetgrid.notification.stream;

import org.jspecify.annotations.Nullable;

import io.fleetgrid.security.Caller;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/alerts/stream}: the caller's WEB notifications as Server-Sent Events
 * ({@code event: alert}, or {@code event: summary} for a throttle summary; {@code id}:
 * the notification id). With {@code Last-Event-ID} the stream first replays what the
 * caller missed (at most {@code stream.replay} events).
 */
@RestController
class StreamController {

	private final StreamHub hub;

	StreamController(StreamHub hub) {
		this.hub = hub;
	}

	@GetMapping(path = "/api/v1/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Caller caller, @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastId) {
		return this.hub.open(caller.tenant(), caller.subject(), lastId);
	}

}
