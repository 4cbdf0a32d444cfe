package io.fleetgrid.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.fleetgrid.ingest.device.DeviceAuthenticator;
import io.fleetgrid.ingest.problem.IngestException;

/**
 * The broker's access decisions: who may connect, and who may publish or subscribe to
 * which topic. Devices log in with username = device id and password = token (checked
 * like HTTP Basic credentials) and may only publish to {@code devices/{their
 * id}/telemetry}; ingest's own identity may only subscribe to the telemetry topics.
 */
public class MqttAccess {

	private final DeviceAuthenticator authenticator;

	private final MqttProperties properties;

	/**
	 * Creates the decisions.
	 * @param authenticator device credentials
	 * @param properties ingest's own identity
	 */
	public MqttAccess(DeviceAuthenticator authenticator, MqttProperties properties) {
		this.authenticator = authenticator;
		this.properties = properties;
	}

	/**
	 * Decides on a CONNECT.
	 * @param username the user name
	 * @param password the password
	 * @throws IngestException 401, 403 or 503 if refused
	 */
	public void connect(String username, String password) {
		if (isIngest(username)) {
			if (this.properties.password().isEmpty() || password == null
					|| !MessageDigest.isEqual(this.properties.password().getBytes(StandardCharsets.UTF_8),
							password.getBytes(StandardCharsets.UTF_8))) {
				throw IngestException.unauthorized("wrong password for the ingest identity");
			}
			return;
		}
		this.authenticator.authenticate(username, password);
	}

	/**
	 * Decides on a PUBLISH or SUBSCRIBE.
	 * @param username the user name
	 * @param topic the topic (publish) or topic filter (subscribe)
	 * @param action {@code publish} or {@code subscribe}
	 * @return whether it is allowed
	 */
	public boolean allows(String username, String topic, String action) {
		if (username == null || topic == null) {
			return false;
		}
		if (isIngest(username)) {
			return "subscribe".equals(action) && (topic.equals(this.properties.topicFilter())
					|| topic.equals("$share/ingest/" + this.properties.topicFilter()));
		}
		return "publish".equals(action) && topic.equals(telemetryTopic(username));
	}

	/**
	 * The telemetry topic of a device.
	 * @param deviceId the device
	 * @return {@code devices/{deviceId}/telemetry}
	 */
	public static String telemetryTopic(String deviceId) {
		return "devices/" + deviceId + "/telemetry";
	}

	/**
	 * The device of a telemetry topic.
	 * @param topic the topic
	 * @return the device id, or null if it is no telemetry topic
	 */
	public static String deviceOf(String topic) {
		if (topic == null || !topic.startsWith("devices/") || !topic.endsWith("/telemetry")) {
			return null;
		}
		String id = topic.substring("devices/".length(), topic.length() - "/telemetry".length());
		return (id.isEmpty() || id.contains("/")) ? null : id;
	}

	private boolean isIngest(String username) {
		return this.properties.username().equals(username);
	}

}
