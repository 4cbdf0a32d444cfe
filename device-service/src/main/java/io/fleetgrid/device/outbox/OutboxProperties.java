package io.fleetgrid.device.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox relay settings ({@code fleetgrid.device.outbox.*}).
 *
 * @param enabled whether the relay runs (tests that drive it by hand switch it off)
 * @param pollInterval how often the relay looks for unsent rows when nobody woke it up
 * @param batchSize rows published per round
 * @param sentRetention how long sent rows are kept before they are deleted
 */
@ConfigurationProperties("fleetgrid.device.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("500") int batchSize, @DefaultValue("1d") Duration sentRetention) {

}
