package io.fleetgrid.notification.stream;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

import io.fleetgrid.notification.NotificationProperties;
import io.fleetgrid.notification.delivery.Delivery;
import io.fleetgrid.notification.delivery.DeliveryRepository;
import io.fleetgrid.security.Caller;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/alerts/stream}: the caller's WEB notifications as Server-Sent Events
 * ({@code event: alert}, {@code id}: the notification id). With {@code Last-Event-ID} the
 * stream first replays what the caller missed (at most {@code stream.replay} events).
 */
@RestController
class StreamController {

	private final StreamHub hub;

	private final DeliveryRepository deliveries;

	private final NotificationProperties properties;

	StreamController(StreamHub hub, DeliveryRepository deliveries, NotificationProperties properties) {
		this.hub = hub;
		this.deliveries = deliveries;
		this.properties = properties;
	}

	@GetMapping(path = "/api/v1/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Caller caller, @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastId) {
		String tenant = caller.tenant();
		SseEmitter emitter = new SseEmitter(0L);
		if (lastId != null && !lastId.isBlank()) {
			long after;
			try {
				after = Long.parseLong(lastId.strip());
			}
			catch (NumberFormatException ex) {
				after = Long.MAX_VALUE;
			}
			for (Delivery missed : this.deliveries.webAfter(tenant, caller.subject(), after,
					this.properties.stream().replay())) {
				if (!StreamHub.send(emitter, missed)) {
					return emitter;
				}
			}
		}
		this.hub.register(tenant, caller.subject(), emitter);
		try {
			// Commits the response headers at once, so the client sees the stream open.
			emitter.send(SseEmitter.event().comment("connected"));
		}
		catch (IOException | IllegalStateException ex) {
			emitter.completeWithError(ex);
		}
		return emitter;
	}

}
