package io.fleetgrid.device.history;

import java.sql.Timestamp;
import java.time.Clock;

import io.fleetgrid.device.web.Validator;
import io.fleetgrid.security.Caller;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/retention} (ADMIN): the caller's tenant's history retention in
 * days; an absent value means the service default.
 */
@RestController
class RetentionController {

	private final JdbcClient jdbc;

	private final RetentionProperties defaults;

	private final Clock clock;

	RetentionController(JdbcClient jdbc, RetentionProperties defaults, Clock clock) {
		this.jdbc = jdbc;
		this.defaults = defaults;
		this.clock = clock;
	}

	@GetMapping("/api/v1/admin/retention")
	@PreAuthorize("hasRole('ADMIN')")
	Retention get(Caller caller) {
		return this.jdbc
			.sql("""
					select minute_rollup_days, hour_rollup_days, history_days from tenant_retention where tenant_id = :tenant
					""")
			.param("tenant", caller.tenant())
			.query((rs, row) -> new Retention((Integer) rs.getObject(1), (Integer) rs.getObject(2),
					(Integer) rs.getObject(3)))
			.optional()
			.map((own) -> own.orElse(this.defaults))
			.orElse(new Retention(null, null, null).orElse(this.defaults));
	}

	@PutMapping("/api/v1/admin/retention")
	@PreAuthorize("hasRole('ADMIN')")
	Retention put(Caller caller, @RequestBody Retention retention) {
		Validator validator = new Validator();
		validator.range(retention.minuteRollupDays(), "minuteRollupDays", 1, 3650);
		validator.range(retention.hourRollupDays(), "hourRollupDays", 1, 3650);
		validator.range(retention.historyDays(), "historyDays", 1, 3650);
		validator.throwIfInvalid();
		this.jdbc.sql("""
				insert into tenant_retention (tenant_id, minute_rollup_days, hour_rollup_days, history_days, updated_at)
				values (:tenant, :minute, :hour, :history, :now)
				on conflict (tenant_id) do update set minute_rollup_days = excluded.minute_rollup_days,
				    hour_rollup_days = excluded.hour_rollup_days, history_days = excluded.history_days,
				    updated_at = excluded.updated_at
				""")
			.param("tenant", caller.tenant())
			.param("minute", retention.minuteRollupDays())
			.param("hour", retention.hourRollupDays())
			.param("history", retention.historyDays())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		return retention.orElse(this.defaults);
	}

	/**
	 * Retention of one tenant, in days.
	 *
	 * @param minuteRollupDays minute rollups
	 * @param hourRollupDays hourly rollups
	 * @param historyDays alerts and trips
	 */
	record Retention(Integer minuteRollupDays, Integer hourRollupDays, Integer historyDays) {

		Retention orElse(RetentionProperties defaults) {
			return new Retention((this.minuteRollupDays != null) ? this.minuteRollupDays : defaults.minuteRollupDays(),
					(this.hourRollupDays != null) ? this.hourRollupDays : defaults.hourRollupDays(),
					(this.historyDays != null) ? this.historyDays : defaults.historyDays());
		}

	}

}
