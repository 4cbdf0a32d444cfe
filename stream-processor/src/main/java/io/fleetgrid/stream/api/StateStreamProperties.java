package io.fleetgrid.stream.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the live state stream ({@code fleetgrid.stream.state-stream.*}).
 *
 * @param heartbeat interval of the heartbeat comments on every open stream
 * @param maxPending the most devices whose newest state may wait for one slow client;
 * beyond it the client's stream is closed (it reconnects and reloads the list)
 */
@ConfigurationProperties("fleetgrid.stream.state-stream")
public record StateStreamProperties(Duration heartbeat, Integer maxPending) {

	public StateStreamProperties {
		heartbeat = (heartbeat != null) ? heartbeat : Duration.ofSeconds(15);
		maxPending = (maxPending != null) ? maxPending : 10_000;
		if (heartbeat.isNegative() || heartbeat.isZero()) {
			throw new IllegalArgumentException("heartbeat must be positive");
		}
		if (maxPending < 1) {
			throw new IllegalArgumentException("max-pending must be at least 1");
		}
	}

}
