package io.fleetgrid.localstack.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.localstack.server.InfraServer;
import io.fleetgrid.localstack.server.ServerSettings;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single Kafka node in KRaft combined mode ({@code process.roles=broker,controller}),
 * the same server that {@code kafka.Kafka} runs, sized for one machine.
 * <p>
 * Layout of the data directory: {@code logs/} holds the partitions and the metadata log;
 * {@code controller.port} remembers the controller listener's port, chosen free on the
 * first start. The storage is formatted only when it is not formatted yet, so a restart
 * keeps every record.
 * <p>
 * Options: {@code host} (listener host, default {@code localhost}).
 */
public class KafkaBroker implements InfraServer {

	private static final Logger LOGGER = LoggerFactory.getLogger(KafkaBroker.class);

	private static final int NODE_ID = 1;

	private static final String CONTROLLER_LISTENER = "CONTROLLER";

	private final ServerSettings settings;

	private final String host;

	private KafkaRaftServer server;

	/**
	 * Creates the broker; {@link #start()} starts it.
	 * @param settings port, data directory and options
	 */
	public KafkaBroker(ServerSettings settings) {
		this.settings = settings;
		this.host = settings.option("host", "localhost");
	}

	@Override
	public Map<String, String> start() throws Exception {
		Path logDir = this.settings.dataDir().resolve("logs");
		Files.createDirectories(logDir);
		int controllerPort = controllerPort(this.settings.dataDir().resolve("controller.port"));
		Properties config = config(logDir, controllerPort);
		if (!Files.exists(logDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
			format(logDir);
		}
		KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
		this.server = raftServer;
		raftServer.startup();
		String bootstrapServers = this.host + ":" + this.settings.port();
		new TopicCreator(bootstrapServers, Duration.ofSeconds(60)).apply(Topics.all());
		return Map.of("bootstrapServers", bootstrapServers);
	}

	@Override
	public void close() {
		KafkaRaftServer raftServer = this.server;
		if (raftServer == null) {
			return;
		}
		try {
			raftServer.shutdown();
			raftServer.awaitShutdown();
		}
		catch (RuntimeException ex) {
			LOGGER.warn("Kafka did not shut down cleanly", ex);
		}
	}

	/**
	 * The server configuration of this node.
	 * @param logDir directory of the partitions and the metadata log
	 * @param controllerPort port of the controller listener
	 * @return the configuration
	 */
	Properties config(Path logDir, int controllerPort) {
		Properties config = new Properties();
		config.setProperty("process.roles", "broker,controller");
		config.setProperty("node.id", Integer.toString(NODE_ID));
		config.setProperty("controller.quorum.voters", NODE_ID + "@" + this.host + ":" + controllerPort);
		config.setProperty("controller.listener.names", CONTROLLER_LISTENER);
		config.setProperty("listeners", "PLAINTEXT://" + this.host + ":" + this.settings.port() + ","
				+ CONTROLLER_LISTENER + "://" + this.host + ":" + controllerPort);
		config.setProperty("advertised.listeners", "PLAINTEXT://" + this.host + ":" + this.settings.port());
		config.setProperty("inter.broker.listener.name", "PLAINTEXT");
		config.setProperty("listener.security.protocol.map",
				"PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		config.setProperty("log.dirs", logDir.toString());
		// One node: every internal topic has one replica.
		config.setProperty("offsets.topic.replication.factor", "1");
		config.setProperty("transaction.state.log.replication.factor", "1");
		config.setProperty("transaction.state.log.min.isr", "1");
		config.setProperty("share.coordinator.state.topic.replication.factor", "1");
		config.setProperty("share.coordinator.state.topic.min.isr", "1");
		config.setProperty("default.replication.factor", "1");
		config.setProperty("min.insync.replicas", "1");
		// Topics come from the catalogue only; consumer groups start without waiting.
		config.setProperty("auto.create.topics.enable", "false");
		config.setProperty("group.initial.rebalance.delay.ms", "0");
		// Sized for a laptop: fewer internal partitions and threads, a small cleaner
		// buffer
		// (the 128 MB default is allocated on the heap).
		config.setProperty("offsets.topic.num.partitions", "10");
		config.setProperty("transaction.state.log.num.partitions", "10");
		config.setProperty("share.coordinator.state.topic.num.partitions", "10");
		config.setProperty("num.network.threads", "2");
		config.setProperty("num.io.threads", "4");
		config.setProperty("background.threads", "4");
		config.setProperty("num.recovery.threads.per.data.dir", "2");
		config.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
		return config;
	}

	private void format(Path logDir) throws Exception {
		String clusterId = Uuid.randomUuid().toString();
		LOGGER.info("Formatting Kafka storage in {} (cluster id {})", logDir, clusterId);
		new Formatter().setNodeId(NODE_ID)
			.setClusterId(clusterId)
			.setDirectories(List.of(logDir.toString()))
			.setControllerListenerName(CONTROLLER_LISTENER)
			.setHasDynamicQuorum(false)
			.setReleaseVersion(MetadataVersion.latestProduction())
			.setPrintStream(System.out)
			.run();
	}

	/**
	 * The port of the controller listener: the one remembered in the data directory, or a
	 * free one that is then remembered, so that a restart finds the quorum again.
	 */
	private static int controllerPort(Path file) throws IOException {
		if (Files.exists(file)) {
			return Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).strip());
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		Files.writeString(file, Integer.toString(port), StandardCharsets.UTF_8);
		return port;
	}

}
