package io.fleetgrid.localstack.mqtt;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.fleetgrid.localstack.server.InfraServer;
import io.fleetgrid.localstack.server.ServerSettings;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moquette, an MQTT 3.1.1 broker, bound to the loopback interface.
 * <p>
 * Sessions, subscriptions, retained messages and the queues of offline persistent
 * sessions ({@code cleanSession=false}) are stored under the data directory (H2 MVStore,
 * saved every second and on shutdown), so QoS 1 messages for an offline subscriber
 * survive a broker restart. Moquette's telemetry call home is switched off.
 */
final class MqttServer implements InfraServer {

	private static final Logger LOGGER = LoggerFactory.getLogger(MqttServer.class);

	private static final String DEFAULT_MAX_MESSAGE_BYTES = String.valueOf(260 * 1024);

	private static final String DEFAULT_ACL_CACHE_MILLIS = "60000";

	private final ServerSettings settings;

	private final List<AccessHook> hooks = new ArrayList<>();

	private Server broker;

	MqttServer(ServerSettings settings) {
		this.settings = settings;
	}

	@Override
	public Map<String, String> start() throws IOException {
		Path dataDir = this.settings.dataDir().toAbsolutePath();
		Files.createDirectories(dataDir);
		Duration hookTimeout = Duration.ofMillis(Long.parseLong(this.settings.option("hookTimeoutMillis", "2000")));
		IAuthenticator authenticator = null;
		IAuthorizatorPolicy authorizator = null;
		String authUrl = this.settings.option("authUrl", "");
		if (!authUrl.isBlank()) {
			authenticator = new HookAuthenticator(hook(authUrl, hookTimeout));
		}
		String aclUrl = this.settings.option("aclUrl", "");
		if (!aclUrl.isBlank()) {
			Duration cacheTtl = Duration
				.ofMillis(Long.parseLong(this.settings.option("aclCacheMillis", DEFAULT_ACL_CACHE_MILLIS)));
			authorizator = new HookAuthorizatorPolicy(hook(aclUrl, hookTimeout), cacheTtl);
		}

		Properties config = new Properties();
		config.setProperty("host", "127.0.0.1");
		config.setProperty("port", String.valueOf(this.settings.port()));
		config.setProperty("allow_anonymous", String.valueOf(authenticator == null));
		config.setProperty("persistence_enabled", "true");
		config.setProperty("data_path", dataDir.toString());
		config.setProperty("persistent_queue_type", "h2");
		config.setProperty("autosave_interval", "1");
		config.setProperty("buffer_flush_millis", "immediate");
		config.setProperty("netty.mqtt.message_size",
				this.settings.option("maxMessageBytes", DEFAULT_MAX_MESSAGE_BYTES));
		config.setProperty("telemetry_enabled", "false");

		this.broker = new Server();
		// null authenticator/authorizator: Moquette's accept-all and permit-all defaults.
		this.broker.startServer(new MemoryConfig(config), List.of(), null, authenticator, authorizator);
		String url = "tcp://localhost:" + this.settings.port();
		LOGGER.info("MQTT broker ready at {} (authentication: {}, authorisation: {})", url,
				authUrl.isBlank() ? "anonymous allowed" : authUrl, aclUrl.isBlank() ? "permit all" : aclUrl);
		return Map.of("url", url);
	}

	private AccessHook hook(String url, Duration timeout) {
		AccessHook hook = new AccessHook(URI.create(url), timeout);
		this.hooks.add(hook);
		return hook;
	}

	@Override
	public void close() {
		if (this.broker != null) {
			this.broker.stopServer();
			this.broker = null;
		}
		this.hooks.forEach(AccessHook::close);
		this.hooks.clear();
	}

}
