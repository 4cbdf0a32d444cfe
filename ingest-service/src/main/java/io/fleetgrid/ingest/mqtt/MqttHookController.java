package io.fleetgrid.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import java.util.Map;

import io.fleetgrid.ingest.problem.IngestException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MQTT broker's HTTP hooks (EMQX-style: any 2xx allows). They carry no token, so they
 * are public paths for the security library but answer only the broker: a caller from the
 * configured addresses ({@code fleetgrid.mqtt.hook-addresses}, loopback by default, as
 * for the local stack's Moquette), or one presenting the shared
 * {@code fleetgrid.mqtt.broker-secret} in {@value #BROKER_SECRET_HEADER} (EMQX in
 * docker-compose and Kubernetes); a wrong secret is refused whatever the address. The
 * gateway never routes {@code /internal/**}.
 */
@RestController
class MqttHookController {

	/** Header of the shared secret a networked broker presents. */
	static final String BROKER_SECRET_HEADER = "X-FleetGrid-Broker-Secret";

	private final MqttAccess access;

	private final MqttProperties properties;

	MqttHookController(MqttAccess access, MqttProperties properties) {
		this.access = access;
		this.properties = properties;
	}

	@PostMapping("/internal/mqtt/auth")
	ResponseEntity<Map<String, String>> authenticate(@RequestBody ConnectRequest connect, HttpServletRequest request) {
		checkCaller(request);
		this.access.connect(connect.username(), connect.password());
		return ResponseEntity.ok(Map.of("result", "allow"));
	}

	@PostMapping("/internal/mqtt/acl")
	ResponseEntity<Map<String, String>> authorize(@RequestBody AclRequest acl, HttpServletRequest request) {
		checkCaller(request);
		if (!this.access.allows(acl.username(), acl.topic(), acl.action())) {
			throw IngestException.forbidden("'" + acl.username() + "' may not " + acl.action() + " '" + acl.topic()
					+ "'; a device may only publish to devices/{its id}/telemetry");
		}
		return ResponseEntity.ok(Map.of("result", "allow"));
	}

	private void checkCaller(HttpServletRequest request) {
		if (!isBroker(request)) {
			throw IngestException.forbidden("the MQTT hooks answer only the broker");
		}
	}

	boolean isBroker(HttpServletRequest request) {
		String secret = this.properties.brokerSecret();
		String presented = request.getHeader(BROKER_SECRET_HEADER);
		if (!secret.isEmpty() && presented != null) {
			return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
					presented.getBytes(StandardCharsets.UTF_8));
		}
		return this.properties.hookAddresses().contains(request.getRemoteAddr());
	}

	/**
	 * A CONNECT as the broker reports it.
	 *
	 * @param clientId MQTT client id
	 * @param username user name (the device id)
	 * @param password password (the token)
	 */
	record ConnectRequest(String clientId, String username, String password) {

		@Override
		public String toString() {
			return "ConnectRequest[clientId=" + this.clientId + ", username=" + this.username + ", password=***]";
		}

	}

	/**
	 * A PUBLISH or SUBSCRIBE as the broker reports it.
	 *
	 * @param clientId MQTT client id
	 * @param username user name
	 * @param topic topic or topic filter
	 * @param action {@code publish} or {@code subscribe}
	 */
	record AclRequest(String clientId, String username, String topic, String action) {
	}

}
