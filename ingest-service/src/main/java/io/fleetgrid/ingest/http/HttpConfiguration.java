package io.fleetgrid.ingest.http;

import io.fleetgrid.ingest.device.DeviceAuthenticator;
import io.fleetgrid.ingest.telemetry.TelemetryIngestor;
import io.fleetgrid.observability.ObservabilityProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the telemetry endpoint: {@link TelemetryReceiver} for both the MVC controller and
 * the {@link DirectTelemetryFilter}, which serves {@code POST /api/v1/telemetry} ahead of
 * every other filter unless {@code fleetgrid.ingest.http.direct=false}.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

	@Bean
	TelemetryReceiver telemetryReceiver(DeviceAuthenticator authenticator, TelemetryIngestor ingestor) {
		return new TelemetryReceiver(authenticator, ingestor);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "fleetgrid.ingest.http.direct", matchIfMissing = true)
	FilterRegistrationBean<DirectTelemetryFilter> directTelemetryFilter(TelemetryReceiver receiver,
			ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservabilityProperties> observability) {
		ObservabilityProperties.Correlation correlation = observability.stream()
			.map(ObservabilityProperties::correlation)
			.findFirst()
			.orElse(null);
		String correlationHeader = (correlation != null && correlation.enabled()) ? correlation.header() : null;
		DirectTelemetryFilter filter = new DirectTelemetryFilter(receiver,
				meters.getIfAvailable(SimpleMeterRegistry::new), correlationHeader);
		FilterRegistrationBean<DirectTelemetryFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("directTelemetryFilter");
		registration.addUrlPatterns(DirectTelemetryFilter.PATH);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
