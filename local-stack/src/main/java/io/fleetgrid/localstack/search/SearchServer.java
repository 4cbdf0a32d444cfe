package io.fleetgrid.localstack.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fleetgrid.localstack.server.InfraServer;
import io.fleetgrid.localstack.server.ServerSettings;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.cluster.health.ClusterHealthStatus;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.env.Environment;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch cluster with HTTP on the configured port and the transport
 * layer on a free port, both bound to the loopback interface.
 * <p>
 * {@code path.home} and {@code path.data} live under the data directory, so indices
 * survive a restart. No security plugin is installed and, as a classpath node started
 * without OpenSearch's {@code Bootstrap}, no Java security manager is involved (JDK 24+
 * has none). Disk-based shard allocation is off, so a nearly full developer disk does not
 * turn the indices read-only, and new indices default to no replicas
 * ({@code cluster.default_number_of_replicas}), so a lone node is green.
 */
final class SearchServer implements InfraServer {

	private static final Logger LOGGER = LogManager.getLogger(SearchServer.class);

	private static final List<Class<? extends Plugin>> PLUGINS = List.of(Netty4Plugin.class, CommonAnalysisPlugin.class,
			MapperExtrasPlugin.class);

	private static final TimeValue READY_TIMEOUT = TimeValue.timeValueSeconds(60);

	private final ServerSettings settings;

	private EmbeddedSearchNode node;

	SearchServer(ServerSettings settings) {
		this.settings = settings;
	}

	@Override
	public Map<String, String> start() throws Exception {
		Path home = this.settings.dataDir().toAbsolutePath();
		Files.createDirectories(home.resolve("config"));
		Settings nodeSettings = Settings.builder()
			.put("cluster.name", this.settings.option("clusterName", "fleetgrid-local"))
			.put("node.name", "search-0")
			.put("path.home", home.toString())
			.put("path.data", home.resolve("data").toString())
			.put("path.logs", home.resolve("logs").toString())
			.put("discovery.type", "single-node")
			.put("network.host", "127.0.0.1")
			.put("http.port", this.settings.port())
			.put("transport.port", this.settings.option("transportPort", "0"))
			.put("http.type", "netty4")
			.put("transport.type", "netty4")
			.put("cluster.routing.allocation.disk.threshold_enabled", false)
			.put("node.processors", Math.min(2, Runtime.getRuntime().availableProcessors()))
			.build();
		Environment environment = InternalSettingsPreparer.prepareEnvironment(nodeSettings, Map.of(),
				home.resolve("config"), () -> "search-0");
		this.node = new EmbeddedSearchNode(environment, PLUGINS);
		this.node.start();
		// Read from the cluster metadata only, so it is set as a (persistent) cluster
		// setting.
		this.node.client()
			.admin()
			.cluster()
			.prepareUpdateSettings()
			.setPersistentSettings(Settings.builder().put("cluster.default_number_of_replicas", 0))
			.get();
		ClusterHealthStatus status = this.node.client()
			.admin()
			.cluster()
			.prepareHealth()
			.setWaitForYellowStatus()
			.setTimeout(READY_TIMEOUT)
			.get()
			.getStatus();
		if (status == ClusterHealthStatus.RED) {
			throw new IllegalStateException("Search node did not become ready: cluster health is " + status);
		}
		String httpUrl = "http://localhost:" + this.settings.port();
		LOGGER.info("Search node ready at {} (cluster health {})", httpUrl, status);
		return Map.of("httpUrl", httpUrl);
	}

	@Override
	public void close() {
		if (this.node == null) {
			return;
		}
		try {
			this.node.close();
			if (!this.node.awaitClose(30, TimeUnit.SECONDS)) {
				LOGGER.warn("Search node did not stop within 30 s");
			}
		}
		catch (IOException ex) {
			LOGGER.warn("Failed to stop the search node", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
