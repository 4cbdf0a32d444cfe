package io.fleetgrid.device.history;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Default retention of the history and the deletion job
 * ({@code fleetgrid.device.retention.*}); a tenant may override the day counts.
 *
 * @param minuteRollupDays days minute rollups are kept
 * @param hourRollupDays days hourly rollups are kept
 * @param historyDays days alerts and trips are kept
 * @param interval how often the deletion job runs
 * @param batchSize rows deleted per statement (bounded so no statement holds locks long)
 */
@ConfigurationProperties("fleetgrid.device.retention")
public record RetentionProperties(@DefaultValue("30") int minuteRollupDays, @DefaultValue("730") int hourRollupDays,
		@DefaultValue("730") int historyDays, @DefaultValue("1h") Duration interval,
		@DefaultValue("5000") int batchSize) {

}
