package io.fleetgrid.device.history;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes expired rollups, trips and alerts in bounded batches (each batch its own
 * statement, so no long-running transaction or lock), with each tenant's retention from
 * {@code tenant_retention} or the defaults.
 */
public class RetentionJob implements SmartLifecycle {

	private static final Logger LOGGER = LoggerFactory.getLogger(RetentionJob.class);

	private final JdbcClient jdbc;

	private final RetentionProperties properties;

	private final Clock clock;

	private volatile ScheduledExecutorService executor;

	/**
	 * Creates the job.
	 * @param jdbc the database
	 * @param properties the defaults
	 * @param clock the clock
	 */
	public RetentionJob(JdbcClient jdbc, RetentionProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Deletes everything expired.
	 * @return the number of rows deleted
	 */
	public long runOnce() {
		long deleted = 0;
		deleted += drain(
				"""
						delete from rollup where ctid in (select r.ctid from rollup r
						    left join tenant_retention t on t.tenant_id = r.tenant_id
						    where r.resolution = 'MINUTE'
						      and r.window_start < cast(:now as timestamptz) - make_interval(days => coalesce(t.minute_rollup_days, cast(:minuteDays as integer)))
						    limit :batch)
						""");
		deleted += drain(
				"""
						delete from rollup where ctid in (select r.ctid from rollup r
						    left join tenant_retention t on t.tenant_id = r.tenant_id
						    where r.resolution = 'HOUR'
						      and r.window_start < cast(:now as timestamptz) - make_interval(days => coalesce(t.hour_rollup_days, cast(:hourDays as integer)))
						    limit :batch)
						""");
		deleted += drain(
				"""
						delete from trip where ctid in (select x.ctid from trip x
						    left join tenant_retention t on t.tenant_id = x.tenant_id
						    where x.ended_at < cast(:now as timestamptz) - make_interval(days => coalesce(t.history_days, cast(:historyDays as integer)))
						    limit :batch)
						""");
		deleted += drain(
				"""
						delete from alert where ctid in (select x.ctid from alert x
						    left join tenant_retention t on t.tenant_id = x.tenant_id
						    where x.ts < cast(:now as timestamptz) - make_interval(days => coalesce(t.history_days, cast(:historyDays as integer)))
						    limit :batch)
						""");
		return deleted;
	}

	private long drain(String sql) {
		long total = 0;
		int deleted;
		do {
			deleted = this.jdbc.sql(sql)
				.param("now", Timestamp.from(this.clock.instant()))
				.param("minuteDays", this.properties.minuteRollupDays())
				.param("hourDays", this.properties.hourRollupDays())
				.param("historyDays", this.properties.historyDays())
				.param("batch", this.properties.batchSize())
				.update();
			total += deleted;
		}
		while (deleted >= this.properties.batchSize());
		return total;
	}

	private void safeRun() {
		try {
			long deleted = runOnce();
			if (deleted > 0) {
				LOGGER.info("Retention deleted {} expired history rows", deleted);
			}
		}
		catch (DataAccessException ex) {
			LOGGER.warn("Retention run failed: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("history-retention").daemon(true).factory());
		long interval = this.properties.interval().toMillis();
		started.scheduleWithFixedDelay(this::safeRun, interval, interval, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
		if (running != null) {
			running.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
