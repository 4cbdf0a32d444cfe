package io.fleetgrid.notification.stream;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.notification.delivery.ChannelSender;
import io.fleetgrid.notification.delivery.Delivery;

/**
 * The open streams per (tenant, user), and the WEB channel's sender: a WEB delivery is
 * pushed to every open stream of its recipient and is SENT either way (the delivery table
 * is the replay buffer for a reconnecting stream).
 */
@Component
class StreamHub implements ChannelSender {

	private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

	@Override
	public Channel channel() {
		return Channel.WEB;
	}

	@Override
	public Result send(List<Delivery> deliveries) {
		for (Delivery delivery : deliveries) {
			push(delivery);
		}
		return Result.ok();
	}

	void register(String tenantId, String userId, SseEmitter emitter) {
		String key = key(tenantId, userId);
		this.streams.computeIfAbsent(key, (k) -> new CopyOnWriteArraySet<>()).add(emitter);
		Runnable remove = () -> this.streams.computeIfPresent(key, (k, set) -> {
			set.remove(emitter);
			return set.isEmpty() ? null : set;
		});
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
	}

	void push(Delivery delivery) {
		Set<SseEmitter> emitters = this.streams.get(key(delivery.tenantId(), delivery.userId()));
		if (emitters == null) {
			return;
		}
		for (SseEmitter emitter : emitters) {
			send(emitter, delivery);
		}
	}

	static boolean send(SseEmitter emitter, Delivery delivery) {
		try {
			emitter.send(SseEmitter.event()
				.id(Long.toString(delivery.id()))
				.name("alert")
				.data(new StreamEvent(delivery.id(), delivery.alertStatus(), delivery.alert()),
						MediaType.APPLICATION_JSON));
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			emitter.completeWithError(ex);
			return false;
		}
	}

	@Scheduled(fixedDelayString = "${fleetgrid.notification.stream.heartbeat:15s}")
	void heartbeat() {
		this.streams.values().forEach((emitters) -> emitters.forEach((emitter) -> {
			try {
				emitter.send(SseEmitter.event().comment("heartbeat"));
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
		}));
	}

	private static String key(String tenantId, String userId) {
		return tenantId + "\u0000" + userId;
	}

}
