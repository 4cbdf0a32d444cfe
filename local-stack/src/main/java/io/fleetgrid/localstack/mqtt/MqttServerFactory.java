package io.fleetgrid.localstack.mqtt;

import io.fleetgrid.localstack.server.InfraServer;
import io.fleetgrid.localstack.server.InfraServerFactory;
import io.fleetgrid.localstack.server.ServerSettings;

/**
 * Creates the {@code mqtt} server, an embedded Moquette broker.
 * <p>
 * Options:
 * <ul>
 * <li>{@code authUrl}: URL that decides on every CONNECT (see {@link AccessHook}); when
 * it is set, clients without a username are refused</li>
 * <li>{@code aclUrl}: URL that decides on every PUBLISH and on every topic filter of a
 * SUBSCRIBE</li>
 * <li>{@code aclCacheMillis}: how long an {@code aclUrl} decision is reused for the same
 * client, user, topic and action (default {@code 60000}; {@code 0} asks every time)</li>
 * <li>{@code hookTimeoutMillis}: connect and response timeout of both hooks (default
 * {@code 2000}); a hook that does not answer in time denies</li>
 * <li>{@code maxMessageBytes}: largest MQTT packet accepted (default {@code 266240}, a
 * 256 KiB payload plus headers)</li>
 * </ul>
 * Without {@code authUrl} and {@code aclUrl} every client may connect, anonymously or
 * not, and publish and subscribe to every topic.
 */
public final class MqttServerFactory implements InfraServerFactory {

	@Override
	public String kind() {
		return "mqtt";
	}

	@Override
	public InfraServer create(ServerSettings settings) {
		return new MqttServer(settings);
	}

}
