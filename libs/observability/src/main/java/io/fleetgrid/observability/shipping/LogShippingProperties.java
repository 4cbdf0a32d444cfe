package io.fleetgrid.observability.shipping;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of log shipping ({@code fleetgrid.observability.shipping.*}).
 *
 * @param enabled whether log events are shipped to Kafka; when not set, shipping is on as
 * soon as {@code spring.kafka.bootstrap-servers} is set, except in the {@code test}
 * profile
 * @param bootstrapServers Kafka brokers to ship to;
 * {@code spring.kafka.bootstrap-servers} when not set
 * @param bufferSize events held in memory while the producer is busy or Kafka is down;
 * further events are dropped (and counted)
 * @param maxBlock how long the shipping thread (never the application) waits for Kafka
 * metadata or producer memory before it drops an event
 * @param closeTimeout how long the shipper may take at shutdown to send what is still
 * buffered
 * @param producer further Kafka producer properties (for example
 * {@code security.protocol}); they override the shipper's defaults
 */
@ConfigurationProperties("fleetgrid.observability.shipping")
public record LogShippingProperties(@Nullable Boolean enabled, @Nullable List<String> bootstrapServers,
		@DefaultValue("10000") int bufferSize, @DefaultValue("2s") Duration maxBlock,
		@DefaultValue("3s") Duration closeTimeout, @DefaultValue Map<String, String> producer) {

	/** Prefix of these properties. */
	public static final String PREFIX = "fleetgrid.observability.shipping";

	public LogShippingProperties {
		if (bufferSize < 1) {
			throw new IllegalArgumentException(PREFIX + ".buffer-size must be at least 1: " + bufferSize);
		}
		producer = Map.copyOf(producer);
	}

}
