package io.fleetgrid.ingest.mqtt;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * MQTT settings.
 *
 * @param url broker URL ({@code tcp://localhost:1883}); empty disables the subscriber
 * @param clientId client id of ingest's persistent session; with several
 * {@code subscribers} the sessions are {@code clientId-1} to {@code clientId-n}
 * @param username ingest's own broker identity, accepted by the auth hook only with
 * {@code password}
 * @param password ingest's broker password (env {@code FLEETGRID_MQTT_PASSWORD}); without
 * it the hook refuses the ingest identity
 * @param topicFilter what ingest subscribes to; a shared subscription
 * ({@code $share/<group>/devices/+/telemetry}) when there are several sessions, so the
 * broker gives each message to one of them
 * @param subscribers how many persistent sessions (MQTT connections) this instance
 * subscribes with; more than one needs a shared-subscription {@code topicFilter}, or
 * every session would receive every message
 * @param hookAddresses remote addresses allowed to call the hooks (the broker); the hooks
 * carry no token, so they answer only these, or a caller presenting {@code brokerSecret}
 * @param brokerSecret shared secret a networked broker (EMQX in docker-compose and
 * Kubernetes) sends in {@code X-FleetGrid-Broker-Secret} (env
 * {@code FLEETGRID_MQTT_BROKER_SECRET}); empty: addresses only
 * @param retryDelay wait before publishing a message again after Kafka refused it
 */
@ConfigurationProperties("fleetgrid.mqtt")
public record MqttProperties(@DefaultValue("") String url, @DefaultValue("fleetgrid-ingest") String clientId,
		@DefaultValue("fleetgrid-ingest") String username, @DefaultValue("") String password,
		@DefaultValue("devices/+/telemetry") String topicFilter, @DefaultValue( {
				"127.0.0.1", "0:0:0:0:0:0:0:1" }) List<String> hookAddresses,
		@DefaultValue("") String brokerSecret, @DefaultValue("1s") Duration retryDelay,
		@DefaultValue("1") int subscribers){

	/**
	 * Prefix of a shared subscription's topic filter (MQTT 5, and 3.1.1 on EMQX and
	 * Mosquitto 2).
	 */
	public static final String SHARED_PREFIX = "$share/";

	/**
	 * Validates the settings.
	 * @throws IllegalArgumentException if several sessions would each receive every
	 * message
	 */
	public MqttProperties {
		if (subscribers < 1) {
			throw new IllegalArgumentException("fleetgrid.mqtt.subscribers must be at least 1, not " + subscribers);
		}
		if (subscribers > 1 && !topicFilter.startsWith(SHARED_PREFIX)) {
			throw new IllegalArgumentException("fleetgrid.mqtt.subscribers=" + subscribers
					+ " needs a shared subscription (fleetgrid.mqtt.topic-filter=$share/<group>/" + topicFilter
					+ "): with '" + topicFilter + "' every session would receive, and write, every message");
		}
	}

	/**
	 * The client id of one of this instance's sessions.
	 * @param index 1 to {@link #subscribers()}
	 * @return {@code clientId} for a single session, {@code clientId-index} otherwise
	 */
	public String sessionClientId(int index) {
		return (this.subscribers == 1) ? this.clientId : this.clientId + "-" + index;
	}

	/**
	 * Whether ingest subscribes.
	 * @return true if a broker URL is set
	 */
	public boolean enabled() {
		return !this.url.isBlank();
	}

}
