package io.fleetgrid.localstack.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.moquette.broker.security.IAuthenticator;

/**
 * Authenticates MQTT clients by POSTing {@code {clientId, username, password}} to an
 * {@link AccessHook}. Moquette only asks when the client sent a username.
 */
final class HookAuthenticator implements IAuthenticator {

	private final AccessHook hook;

	HookAuthenticator(AccessHook hook) {
		this.hook = hook;
	}

	@Override
	public boolean checkValid(String clientId, String username, byte[] password) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("clientId", clientId);
		request.put("username", username);
		request.put("password", (password != null) ? new String(password, StandardCharsets.UTF_8) : null);
		return this.hook.allows(request);
	}

}
