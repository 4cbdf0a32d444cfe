package io.fleetgrid.ingest.mqtt;

import io.fleetgrid.ingest.device.DeviceAuthenticator;
import io.fleetgrid.ingest.device.DeviceRegistry;
import io.fleetgrid.ingest.telemetry.TelemetryIngestor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the hooks (always) and the subscriber (when {@code fleetgrid.mqtt.url} is set).
 */
@Configuration(proxyBeanMethods = false)
class MqttConfiguration {

	@Bean
	MqttAccess mqttAccess(DeviceAuthenticator authenticator, MqttProperties properties) {
		return new MqttAccess(authenticator, properties);
	}

	@Bean
	@ConditionalOnExpression("!'${fleetgrid.mqtt.url:}'.isBlank()")
	MqttTelemetrySubscriber mqttTelemetrySubscriber(MqttProperties properties, TelemetryIngestor ingestor,
			DeviceRegistry registry, DeviceAuthenticator authenticator) {
		return new MqttTelemetrySubscriber(properties, ingestor, registry, authenticator);
	}

}
