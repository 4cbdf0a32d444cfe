package io.fleetgrid.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.fleetgrid.observability.logging.LogFormat;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.StringUtils;

/**
 * Adds the library's defaults as the lowest-precedence property source, before logging is
 * initialised: actuator and tracing defaults, the instance id, and the structured console
 * log format chosen with {@code fleetgrid.observability.logging.format}.
 * <p>
 * Runs after the config-data post-processor, so profile documents of the service's
 * {@code application.yml} (e.g. {@code fleetgrid.observability.logging.format: text} in
 * the {@code test} profile) are already visible. An explicit
 * {@code logging.structured.format.console} always wins over the library's choice.
 */
public class ObservabilityEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source this post-processor adds. */
	public static final String PROPERTY_SOURCE_NAME = "fleetgridObservabilityDefaults";

	private static final String DEFAULTS = "io/fleetgrid/observability/observability-defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ObservabilityProperties properties = Binder.get(environment)
			.bindOrCreate(ObservabilityProperties.PREFIX, ObservabilityProperties.class);
		String applicationName = environment.getProperty("spring.application.name", "application");
		String instanceId = StringUtils.hasText(properties.instanceId()) ? properties.instanceId()
				: defaultInstanceId(applicationName);

		Map<String, Object> defaults = new LinkedHashMap<>(loadDefaults());
		defaults.put(ObservabilityProperties.PREFIX + ".instance-id", instanceId);
		defaults.put("eureka.instance.instance-id", instanceId);
		defaults.putAll(loggingDefaults(properties.logging().format(), applicationName, instanceId));

		environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	/**
	 * Properties selecting Boot's structured console format and putting the service name
	 * and instance id in each line.
	 * @param format the chosen format
	 * @param applicationName the service name
	 * @param instanceId the instance id
	 * @return the properties (empty for {@link LogFormat#TEXT})
	 */
	static Map<String, Object> loggingDefaults(LogFormat format, String applicationName, String instanceId) {
		Map<String, Object> logging = new LinkedHashMap<>();
		String formatId = format.structuredFormatId();
		if (formatId == null) {
			return logging;
		}
		logging.put("logging.structured.format.console", formatId);
		switch (format) {
			// ECS has service.name (from spring.application.name) and service.node.name.
			case ECS -> logging.put("logging.structured.ecs.service.node-name", instanceId);
			// GELF's "host" is the source of the message; service name is in
			// "_service_name".
			case GELF -> logging.put("logging.structured.gelf.host", instanceId);
			// Logstash has no service fields of its own.
			case LOGSTASH -> {
				logging.put("logging.structured.json.add.service_name", applicationName);
				logging.put("logging.structured.json.add.instance_id", instanceId);
			}
			default -> throw new IllegalStateException("Unexpected structured log format " + format);
		}
		return logging;
	}

	private static String defaultInstanceId(String applicationName) {
		return hostName() + ":" + applicationName + ":" + ProcessHandle.current().pid();
	}

	private static String hostName() {
		String fromEnvironment = System.getenv("HOSTNAME");
		if (StringUtils.hasText(fromEnvironment)) {
			return fromEnvironment;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

	private static Map<String, Object> loadDefaults() {
		try {
			Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource(DEFAULTS));
			Map<String, Object> defaults = new LinkedHashMap<>();
			properties.stringPropertyNames().forEach((name) -> defaults.put(name, properties.getProperty(name)));
			return defaults;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + DEFAULTS, ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
