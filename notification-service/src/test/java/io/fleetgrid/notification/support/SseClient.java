package io.fleetgrid.notification.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A real HTTP client of {@code GET /api/v1/alerts/stream} that parses the Server-Sent
 * Events as they arrive (on a virtual thread): each event's name, id and data, in order.
 */
public final class SseClient implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final HttpResponse<Stream<String>> response;

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final List<Event> all = new CopyOnWriteArrayList<>();

	private final Thread reader;

	private SseClient(HttpResponse<Stream<String>> response, @Nullable Consumer<Event> onEvent) {
		this.response = response;
		this.reader = Thread.ofVirtual().start(() -> read(onEvent));
	}

	/**
	 * Opens a stream.
	 * @param port the service's port
	 * @param bearer {@code Authorization} header value
	 * @param lastEventId {@code Last-Event-ID}, or null
	 * @return the client, connected (status 200)
	 */
	public static SseClient open(int port, String bearer, @Nullable String lastEventId) {
		return open(port, bearer, lastEventId, null);
	}

	/**
	 * Opens a stream, calling {@code onEvent} on the reader thread as each event arrives.
	 * @param port the service's port
	 * @param bearer {@code Authorization} header value
	 * @param lastEventId {@code Last-Event-ID}, or null
	 * @param onEvent called per event, or null
	 * @return the client, connected (status 200)
	 */
	public static SseClient open(int port, String bearer, @Nullable String lastEventId,
			@Nullable Consumer<Event> onEvent) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/alerts/stream"))
			.header("Authorization", bearer);
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofLines());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("stream answered " + response.statusCode());
			}
			return new SseClient(response, onEvent);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void read(@Nullable Consumer<Event> onEvent) {
		String[] current = new String[3];
		try {
			this.response.body().forEach((line) -> {
				if (line.isEmpty()) {
					if (current[2] != null) {
						Event event = new Event((current[0] != null) ? current[0] : "message", current[1], current[2]);
						if (onEvent != null) {
							onEvent.accept(event);
						}
						// Listed before a waiting nextEvent gets it: an event seen
						// through nextEvent is always in events() too.
						this.all.add(event);
						this.events.add(event);
					}
					current[0] = null;
					current[1] = null;
					current[2] = null;
				}
				else if (line.startsWith("event:")) {
					current[0] = line.substring(6).strip();
				}
				else if (line.startsWith("id:")) {
					current[1] = line.substring(3).strip();
				}
				else if (line.startsWith("data:")) {
					current[2] = line.substring(5).strip();
				}
			});
		}
		catch (RuntimeException ex) {
			// closed
		}
	}

	/**
	 * Waits for the next event of a name.
	 * @param name event name ({@code alert}, {@code summary})
	 * @return its data
	 * @throws InterruptedException if interrupted
	 */
	public String nextEvent(String name) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			Event event = this.events.poll(200, TimeUnit.MILLISECONDS);
			if (event != null && event.name().equals(name)) {
				return event.data();
			}
		}
		throw new AssertionError("no '" + name + "' event within " + WAIT);
	}

	/**
	 * Every event received so far, in order.
	 * @return the events
	 */
	public List<Event> events() {
		return List.copyOf(this.all);
	}

	@Override
	public void close() {
		this.reader.interrupt();
		this.response.body().close();
	}

	/**
	 * One Server-Sent Event.
	 *
	 * @param name event name
	 * @param id event id, or null
	 * @param data the data line
	 */
	public record Event(String name, @Nullable String id, String data) {
	}

}
