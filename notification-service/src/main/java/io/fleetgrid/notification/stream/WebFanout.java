package io.fleetgrid.notification.stream;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.notification.delivery.Delivery;
import io.fleetgrid.notification.delivery.DeliveryRepository;
import io.fleetgrid.notification.delivery.DeliveryRepository.WebAnnouncement;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL's {@value DeliveryRepository#WEB_CHANNEL} channel over its own
 * connection (outside the pool) and writes each announced WEB delivery to the streams
 * open on this instance. Every instance listens, so a stream gets its events whichever
 * instance consumed the alert; PostgreSQL sends an announcement only when its transaction
 * commits, once per listener. If the connection is lost, announcements in between are
 * lost too: after reconnecting, every open stream is ended, and the clients reconnect
 * with {@code Last-Event-ID} and get what they missed from the delivery table.
 */
@Component
class WebFanout implements SmartLifecycle {

	private static final Logger LOGGER = LoggerFactory.getLogger(WebFanout.class);

	private static final int WAIT_MILLIS = 500;

	private static final Duration CHECK_IDLE_CONNECTION = Duration.ofSeconds(30);

	private final DataSourceProperties dataSource;

	private final DeliveryRepository deliveries;

	private final StreamHub hub;

	private final CountDownLatch listening = new CountDownLatch(1);

	private volatile boolean running;

	private Thread thread;

	WebFanout(DataSourceProperties dataSource, DeliveryRepository deliveries, StreamHub hub) {
		this.dataSource = dataSource;
		this.deliveries = deliveries;
		this.hub = hub;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().name("notification-web-fanout").daemon().start(this::run);
		try {
			// Streams opened from now on get every announcement (unless the database is
			// down at start; then the first connection closes nothing and streams
			// resume).
			if (!this.listening.await(10, TimeUnit.SECONDS)) {
				LOGGER.warn("Not listening for WEB announcements yet; live streams start when the database answers");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		try {
			this.thread.join(Duration.ofSeconds(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Listening before the web server takes requests, so no stream opens unheard.
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	private void run() {
		boolean reconnect = false;
		while (this.running) {
			try (Connection connection = DriverManager.getConnection(this.dataSource.determineUrl(),
					this.dataSource.determineUsername(), this.dataSource.determinePassword())) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + DeliveryRepository.WEB_CHANNEL);
				}
				if (reconnect) {
					LOGGER.info("Listening for WEB announcements again; ending {} open streams so they resume",
							this.hub.openStreams());
					this.hub.closeAll();
				}
				this.listening.countDown();
				listen(connection);
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running) {
					LOGGER.warn("WEB announcement listener failed, reconnecting: {}", ex.toString());
					reconnect = true;
					pause();
				}
			}
		}
	}

	private void listen(Connection connection) throws SQLException {
		PGConnection pg = connection.unwrap(PGConnection.class);
		long idleSince = System.nanoTime();
		while (this.running) {
			PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
			if (notifications != null && notifications.length > 0) {
				idleSince = System.nanoTime();
				deliver(notifications);
			}
			else if (System.nanoTime() - idleSince > CHECK_IDLE_CONNECTION.toNanos()) {
				// A silently dropped connection would otherwise wait for ever.
				try (Statement statement = connection.createStatement()) {
					statement.execute("select 1");
				}
				idleSince = System.nanoTime();
			}
		}
	}

	private void deliver(PGNotification[] notifications) {
		List<Long> ids = new ArrayList<>();
		for (PGNotification notification : notifications) {
			if (!DeliveryRepository.WEB_CHANNEL.equals(notification.getName())) {
				continue;
			}
			try {
				WebAnnouncement announced = JsonSerdes.mapper()
					.readValue(notification.getParameter(), WebAnnouncement.class);
				if (this.hub.hasStreams(announced.tenantId(), announced.userId())) {
					ids.add(announced.id());
				}
			}
			catch (RuntimeException ex) {
				LOGGER.warn("Unreadable WEB announcement {}: {}", notification.getParameter(), ex.toString());
			}
		}
		if (!ids.isEmpty()) {
			List<Delivery> rows = this.deliveries.sentWeb(ids);
			this.hub.deliver(rows);
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
