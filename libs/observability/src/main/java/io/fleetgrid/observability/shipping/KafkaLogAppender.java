package io.fleetgrid.observability.shipping;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.fleetgrid.contracts.event.LogEvent;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.observability.logging.LogFields;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

/**
 * Logback appender that ships every event as a {@link LogEvent} to {@link Topics#LOGS}
 * (key: the service name).
 * <p>
 * {@link #append} never blocks and never throws: it converts the event and offers it to a
 * bounded buffer; when the buffer is full the event is dropped and counted
 * ({@link #dropped()}). One daemon thread drains the buffer into a Kafka producer that it
 * creates on first use (so an unreachable broker never delays start-up); a send that
 * fails (broker down longer than the producer's timeouts) is counted as dropped too.
 * <p>
 * Never recursive: events of the Kafka client ({@code org.apache.kafka.*}) and events
 * logged on the shipping thread are not shipped, so the producer's own complaints about
 * an unreachable broker cannot feed the buffer they are about.
 */
public final class KafkaLogAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

	/** Logger-name prefix of the Kafka client, whose events are never shipped. */
	static final String KAFKA_CLIENT_LOGGERS = "org.apache.kafka.";

	/** Longest message shipped; longer ones are cut. */
	static final int MAX_MESSAGE_CHARS = 32 * 1024;

	/** Longest stack trace shipped; longer ones are cut. */
	static final int MAX_STACK_TRACE_CHARS = 32 * 1024;

	private static final int BATCH = 500;

	private static final Duration PRODUCER_RETRY = Duration.ofSeconds(5);

	private final String service;

	private final String instance;

	private final BlockingQueue<LogEvent> buffer;

	private final Supplier<Producer<String, LogEvent>> producerFactory;

	private final Duration closeTimeout;

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong shipped = new AtomicLong();

	private volatile boolean running;

	private volatile long drainDeadline;

	private volatile @Nullable Thread sender;

	// Only touched by the sender thread.
	private @Nullable Producer<String, LogEvent> producer;

	private long nextProducerAttempt;

	/**
	 * An appender; call {@link #start()} before use.
	 * @param service service name carried by every event (and the record key)
	 * @param instance instance id carried by every event
	 * @param bufferSize events held while the producer is busy or Kafka is down
	 * @param closeTimeout how long {@link #stop()} may take to send what is buffered
	 * @param producerFactory creates the producer, on the shipping thread, at the first
	 * event (and again after a failed creation)
	 */
	public KafkaLogAppender(String service, String instance, int bufferSize, Duration closeTimeout,
			Supplier<Producer<String, LogEvent>> producerFactory) {
		this.service = service;
		this.instance = instance;
		this.buffer = new ArrayBlockingQueue<>(bufferSize);
		this.closeTimeout = closeTimeout;
		this.producerFactory = producerFactory;
		this.nextProducerAttempt = System.nanoTime();
		setName("FLEETGRID_KAFKA");
	}

	@Override
	public void start() {
		if (isStarted()) {
			return;
		}
		this.running = true;
		Thread thread = new Thread(this::shipUntilStopped, "fleetgrid-log-shipper");
		thread.setDaemon(true);
		this.sender = thread;
		thread.start();
		super.start();
	}

	@Override
	public void stop() {
		if (!isStarted()) {
			return;
		}
		super.stop();
		this.drainDeadline = System.nanoTime() + this.closeTimeout.toNanos();
		this.running = false;
		Thread thread = this.sender;
		if (thread != null) {
			try {
				thread.join(this.closeTimeout.toMillis() + 3000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			thread.interrupt();
		}
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (!shippable(event)) {
			return;
		}
		try {
			if (!this.buffer.offer(toLogEvent(event))) {
				this.dropped.incrementAndGet();
			}
		}
		catch (RuntimeException ex) {
			// A log call must never fail because of shipping.
			this.dropped.incrementAndGet();
		}
	}

	/**
	 * Events dropped so far: buffer full, or Kafka did not take them in time.
	 * @return the count
	 */
	public long dropped() {
		return this.dropped.get();
	}

	/**
	 * Events Kafka acknowledged so far.
	 * @return the count
	 */
	public long shipped() {
		return this.shipped.get();
	}

	/**
	 * Events waiting in the buffer.
	 * @return the count
	 */
	public int buffered() {
		return this.buffer.size();
	}

	boolean shippable(ILoggingEvent event) {
		if (Thread.currentThread() == this.sender) {
			return false;
		}
		String logger = event.getLoggerName();
		return logger == null || !logger.startsWith(KAFKA_CLIENT_LOGGERS);
	}

	LogEvent toLogEvent(ILoggingEvent event) {
		Map<String, String> mdc = event.getMDCPropertyMap();
		IThrowableProxy throwable = event.getThrowableProxy();
		String stackTrace = (throwable != null) ? cut(ThrowableProxyUtil.asString(throwable), MAX_STACK_TRACE_CHARS)
				: null;
		String message = event.getFormattedMessage();
		return new LogEvent(Instant.ofEpochMilli(event.getTimeStamp()), this.service, this.instance,
				event.getLevel().toString(), event.getLoggerName(), event.getThreadName(),
				cut((message != null) ? message : "", MAX_MESSAGE_CHARS), stackTrace, mdc.get(LogFields.TRACE_ID),
				mdc.get(LogFields.SPAN_ID), mdc.get(LogFields.TENANT_ID), mdc.get(LogFields.DEVICE_ID));
	}

	private static String cut(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max);
	}

	private void shipUntilStopped() {
		List<LogEvent> batch = new ArrayList<>(BATCH);
		try {
			while (this.running || (!this.buffer.isEmpty() && !drainTimeIsUp())) {
				LogEvent first = this.buffer.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.buffer.drainTo(batch, BATCH - 1);
				int sent = 0;
				while (sent < batch.size() && !drainTimeIsUp()) {
					send(batch.get(sent));
					sent++;
				}
				this.dropped.addAndGet(batch.size() - sent);
				batch.clear();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.dropped.addAndGet(batch.size() + this.buffer.size());
			this.buffer.clear();
			closeProducer();
		}
	}

	private boolean drainTimeIsUp() {
		return !this.running && System.nanoTime() - this.drainDeadline > 0;
	}

	private void send(LogEvent event) {
		Producer<String, LogEvent> kafka = producer();
		if (kafka == null) {
			this.dropped.incrementAndGet();
			return;
		}
		try {
			kafka.send(new ProducerRecord<>(Topics.LOGS.name(), event.service(), event), (metadata, exception) -> {
				if (exception != null) {
					this.dropped.incrementAndGet();
				}
				else {
					this.shipped.incrementAndGet();
				}
			});
		}
		catch (RuntimeException ex) {
			// For example no metadata within max.block.ms: Kafka is down.
			this.dropped.incrementAndGet();
		}
	}

	private @Nullable Producer<String, LogEvent> producer() {
		if (this.producer == null && System.nanoTime() - this.nextProducerAttempt >= 0) {
			try {
				this.producer = this.producerFactory.get();
			}
			catch (RuntimeException ex) {
				addWarn("Could not create the log shipping producer, retrying in " + PRODUCER_RETRY, ex);
				this.nextProducerAttempt = System.nanoTime() + PRODUCER_RETRY.toNanos();
			}
		}
		return this.producer;
	}

	private void closeProducer() {
		Producer<String, LogEvent> kafka = this.producer;
		if (kafka != null) {
			this.producer = null;
			try {
				kafka.close(Duration.ofSeconds(1));
			}
			catch (RuntimeException ex) {
				addWarn("Could not close the log shipping producer", ex);
			}
		}
	}

}
