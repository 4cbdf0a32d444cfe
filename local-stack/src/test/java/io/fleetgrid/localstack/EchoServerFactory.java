package io.fleetgrid.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fleetgrid.localstack.server.InfraServer;
import io.fleetgrid.localstack.server.InfraServerFactory;
import io.fleetgrid.localstack.server.ServerSettings;

/**
 * A test server (kind {@code test-echo}) that announces its settings, fails to start when
 * given {@code fail=...}, and writes {@code closed} into its data directory when it is
 * closed.
 */
public class EchoServerFactory implements InfraServerFactory {

	@Override
	public String kind() {
		return "test-echo";
	}

	@Override
	public InfraServer create(ServerSettings settings) {
		return new InfraServer() {

			@Override
			public Map<String, String> start() {
				String failure = settings.option("fail", null);
				if (failure != null) {
					throw new IllegalStateException(failure);
				}
				Map<String, String> properties = new LinkedHashMap<>();
				properties.put("port", Integer.toString(settings.port()));
				properties.put("dataDir", settings.dataDir().toString());
				properties.putAll(settings.options());
				return properties;
			}

			@Override
			public void close() {
				try {
					Files.writeString(settings.dataDir().resolve("closed"), "closed");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

		};
	}

}
