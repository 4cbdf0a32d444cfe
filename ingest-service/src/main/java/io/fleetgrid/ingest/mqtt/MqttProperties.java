package io.fleetgrid.ingest.mqtt;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * MQTT settings.
 *
 * @param url broker URL ({@code tcp://localhost:1883}); empty disables the subscriber
 * @param clientId client id of ingest's persistent session (one session per instance)
 * @param username ingest's own broker identity, accepted by the auth hook only with
 * {@code password}
 * @param password ingest's broker password (env {@code FLEETGRID_MQTT_PASSWORD}); without
 * it the hook refuses the ingest identity
 * @param topicFilter what ingest subscribes to
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
		@DefaultValue("") String brokerSecret, @DefaultValue("1s") Duration retryDelay){

	/**
	 * Whether ingest subscribes.
	 * @return true if a broker URL is set
	 */
	public boolean enabled() {
		return !this.url.isBlank();
	}

}
