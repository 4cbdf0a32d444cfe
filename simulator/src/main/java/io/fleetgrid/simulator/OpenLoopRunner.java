package io.fleetgrid.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.fleetgrid.simulator.model.SimulatedDevice;
import io.fleetgrid.simulator.transport.TelemetrySender;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends at a fixed target rate, whatever the server does (open loop): request {@code i}
 * is due at {@code start + i / requestRate}, and its latency is measured from that due
 * time, so queueing behind a slow server counts (no coordinated omission). Devices take
 * turns; each request carries {@code batch} events of one device. At most
 * {@code maxInFlight} requests are outstanding; beyond that the generator waits (and the
 * wait shows in the latency).
 */
final class OpenLoopRunner {

	private final List<SimulatedDevice> devices;

	private final TelemetrySender sender;

	private final Settings settings;

	private final PrintStream out;

	private final Histogram latencyMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

	private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

	private final LongAdder acceptedEvents = new LongAdder();

	private final AtomicLong sentEvents = new AtomicLong();

	private long behindEvents;

	OpenLoopRunner(List<SimulatedDevice> devices, TelemetrySender sender, Settings settings, PrintStream out) {
		if (devices.isEmpty()) {
			throw new IllegalArgumentException("no devices");
		}
		this.devices = devices;
		this.sender = sender;
		this.settings = settings;
		this.out = out;
	}

	/**
	 * Runs until the duration is over or the thread is interrupted.
	 * @return the summary
	 */
	Summary run() {
		double requestRate = this.settings.eventsPerSecond() / this.settings.batch();
		long intervalNanos = Math.max(1, (long) (1e9 / requestRate));
		Semaphore inFlight = new Semaphore(this.settings.maxInFlight());
		long start = System.nanoTime();
		long end = this.settings.duration().isZero() ? Long.MAX_VALUE : start + this.settings.duration().toNanos();
		long nextReport = start + TimeUnit.SECONDS.toNanos(10);
		long lastReportAccepted = 0;
		for (long i = 0; !Thread.currentThread().isInterrupted(); i++) {
			long due = start + i * intervalNanos;
			if (due >= end) {
				break;
			}
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			if (System.nanoTime() >= nextReport) {
				long accepted = this.acceptedEvents.sum();
				this.out.printf("%s accepted %d events/s, outcomes %s%n", Instant.now(),
						(accepted - lastReportAccepted) / 10, outcomes());
				lastReportAccepted = accepted;
				nextReport += TimeUnit.SECONDS.toNanos(10);
			}
			SimulatedDevice device = this.devices.get((int) (i % this.devices.size()));
			List<String> events = new ArrayList<>(this.settings.batch());
			Instant now = Instant.now();
			for (int e = 0; e < this.settings.batch(); e++) {
				events.add(device.nextEvent(now));
			}
			boolean permitted;
			try {
				permitted = inFlight.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			if (!permitted || System.nanoTime() >= end) {
				// Behind schedule at the end: the run lasts its duration, not until the
				// backlog is sent.
				if (permitted) {
					inFlight.release();
				}
				this.behindEvents = (end - start) / intervalNanos * this.settings.batch() - this.sentEvents.get();
				break;
			}
			this.sentEvents.addAndGet(events.size());
			this.sender.send(device.credential(), events).whenComplete((outcome, ex) -> {
				long micros = Math.max(0, (System.nanoTime() - due) / 1000);
				this.latencyMicros.recordValue(Math.min(micros, this.latencyMicros.getHighestTrackableValue()));
				String key = (ex != null) ? "error" : outcome;
				this.outcomes.computeIfAbsent(key, (k) -> new LongAdder()).increment();
				if (ex == null && this.sender.accepted(outcome)) {
					this.acceptedEvents.add(events.size());
				}
				inFlight.release();
			});
		}
		try {
			inFlight.tryAcquire(this.settings.maxInFlight(), 60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		return new Summary(elapsed, this.sentEvents.get(), this.acceptedEvents.sum(), this.behindEvents, outcomes(),
				this.latencyMicros.copy());
	}

	private Map<String, Long> outcomes() {
		Map<String, Long> counts = new TreeMap<>();
		this.outcomes.forEach((key, count) -> counts.put(key, count.sum()));
		return counts;
	}

	/**
	 * What to run.
	 *
	 * @param eventsPerSecond target rate, all devices together
	 * @param batch events per request
	 * @param duration how long; zero for until interrupted
	 * @param maxInFlight most outstanding requests
	 */
	record Settings(double eventsPerSecond, int batch, Duration duration, int maxInFlight) {
	}

	/**
	 * The outcome of a run.
	 *
	 * @param elapsed how long it took
	 * @param sentEvents events sent
	 * @param acceptedEvents events accepted (202 or PUBACK)
	 * @param unsentEvents events that were due before the end but not sent because the
	 * generator was that far behind when the duration was over (the server did not keep
	 * up)
	 * @param outcomes requests per outcome
	 * @param latencyMicros request latency from due time to answer
	 */
	record Summary(Duration elapsed, long sentEvents, long acceptedEvents, long unsentEvents,
			Map<String, Long> outcomes, Histogram latencyMicros) {

		double acceptedPerSecond() {
			return this.acceptedEvents / Math.max(1e-9, this.elapsed.toNanos() / 1e9);
		}

		void print(PrintStream out) {
			out.printf("elapsed %.1f s, sent %d events, accepted %d events = %.0f events/s%n",
					this.elapsed.toMillis() / 1e3, this.sentEvents, this.acceptedEvents, acceptedPerSecond());
			out.printf("requests by outcome: %s%n", this.outcomes);
			if (this.unsentEvents > 0) {
				out.printf("behind schedule: %d events were due but not sent when the duration was over%n",
						this.unsentEvents);
			}
			out.printf("latency per request: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (%d requests)%n",
					this.latencyMicros.getValueAtPercentile(50) / 1e3,
					this.latencyMicros.getValueAtPercentile(99) / 1e3,
					this.latencyMicros.getValueAtPercentile(99.9) / 1e3, this.latencyMicros.getMaxValue() / 1e3,
					this.latencyMicros.getTotalCount());
		}

	}

}
