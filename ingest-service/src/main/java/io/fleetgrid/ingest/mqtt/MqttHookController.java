package io.fleetgrid.ingest.mqtt;

import java.util.Map;

import io.fleetgrid.ingest.problem.IngestException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MQTT broker's HTTP hooks (EMQX-style: any 2xx allows). They carry no token, so they
 * are public paths for the security library but answer only the configured broker
 * addresses ({@code fleetgrid.mqtt.hook-addresses}, loopback by default); the gateway
 * never routes {@code /internal/**}.
 */
@RestController
class MqttHookController {

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
		if (!this.properties.hookAddresses().contains(request.getRemoteAddr())) {
			throw IngestException.forbidden("the MQTT hooks answer only the broker");
		}
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
