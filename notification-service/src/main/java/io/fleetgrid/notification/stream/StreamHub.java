package io.fleetgrid.notification.stream;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.jspecify.annotations.Nullable;

import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.notification.NotificationProperties;
import io.fleetgrid.notification.delivery.ChannelSender;
import io.fleetgrid.notification.delivery.Delivery;
import io.fleetgrid.notification.delivery.DeliveryRepository;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The streams open on this instance, per (tenant, user). Events reach them only through
 * {@link WebFanout}: every SENT WEB delivery is announced by PostgreSQL on commit to
 * every instance, and each instance writes it to its own streams of the recipient — so a
 * stream gets an event once, whichever instance planned it.
 * <p>
 * As the WEB channel's {@link ChannelSender} (WEB rows queued as PENDING by an older
 * version) it only announces the rows inside the dispatcher's transaction.
 */
@Component
class StreamHub implements ChannelSender {

	private final Map<String, Set<LiveStream>> streams = new ConcurrentHashMap<>();

	private final DeliveryRepository deliveries;

	private final NotificationProperties properties;

	StreamHub(DeliveryRepository deliveries, NotificationProperties properties) {
		this.deliveries = deliveries;
		this.properties = properties;
	}

	@Override
	public Channel channel() {
		return Channel.WEB;
	}

	@Override
	public Result send(List<Delivery> rows) {
		rows.forEach(this.deliveries::announceWeb);
		return Result.ok();
	}

	/**
	 * Opens a stream: registers it first (live events are buffered), then replays the WEB
	 * notifications after {@code lastEventId} from the delivery table, then sends the
	 * buffered events that were not replayed.
	 * @param tenantId the caller's tenant
	 * @param userId the caller
	 * @param lastEventId the {@code Last-Event-ID} header, or null
	 * @return the emitter
	 */
	SseEmitter open(String tenantId, String userId, @Nullable String lastEventId) {
		SseEmitter emitter = new SseEmitter(0L);
		LiveStream stream = new LiveStream(emitter);
		String key = key(tenantId, userId);
		this.streams.computeIfAbsent(key, (k) -> new CopyOnWriteArraySet<>()).add(stream);
		Runnable remove = () -> {
			stream.markClosed();
			this.streams.computeIfPresent(key, (k, set) -> {
				set.remove(stream);
				return set.isEmpty() ? null : set;
			});
		};
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
		try {
			if (lastEventId != null && !lastEventId.isBlank()) {
				stream.replay(this.deliveries.webAfter(tenantId, userId, parse(lastEventId),
						this.properties.stream().replay()));
			}
		}
		finally {
			stream.goLive();
		}
		// Commits the response headers at once, so the client sees the stream open.
		stream.comment("connected");
		return emitter;
	}

	boolean hasStreams(String tenantId, String userId) {
		return this.streams.containsKey(key(tenantId, userId));
	}

	/**
	 * Writes announced deliveries to this instance's streams of their recipients.
	 * @param rows SENT WEB deliveries
	 */
	void deliver(List<Delivery> rows) {
		for (Delivery row : rows) {
			if (row.userId() == null) {
				continue;
			}
			Set<LiveStream> open = this.streams.get(key(row.tenantId(), row.userId()));
			if (open != null) {
				open.forEach((stream) -> stream.push(row));
			}
		}
	}

	/**
	 * Ends every open stream; clients reconnect with {@code Last-Event-ID} and get what
	 * they missed from the table (used when announcements may have been lost).
	 */
	void closeAll() {
		this.streams.values().forEach((set) -> set.forEach(LiveStream::close));
	}

	int openStreams() {
		return this.streams.values().stream().mapToInt(Set::size).sum();
	}

	@Scheduled(fixedDelayString = "${fleetgrid.notification.stream.heartbeat:15s}")
	void heartbeat() {
		this.streams.values().forEach((set) -> set.forEach((stream) -> stream.comment("heartbeat")));
	}

	private static long parse(String lastEventId) {
		try {
			return Long.parseLong(lastEventId.strip());
		}
		catch (NumberFormatException ex) {
			return Long.MAX_VALUE;
		}
	}

	private static String key(String tenantId, String userId) {
		return tenantId + "\u0000" + userId;
	}

}
