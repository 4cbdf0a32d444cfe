package io.fleetgrid.localstack.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;

import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;

/**
 * Authorises publishing and subscribing by POSTing {@code {clientId, username, topic,
 * action}} to an {@link AccessHook}, with {@code action} {@code "publish"} or
 * {@code "subscribe"} (for a subscription, {@code topic} is the topic filter, wildcards
 * included).
 * <p>
 * MQTT 3.1.1 has no way to refuse a PUBLISH: Moquette drops a refused one without
 * acknowledging it, and answers a refused subscription with the failure return code
 * {@code 0x80} in the SUBACK.
 */
final class HookAuthorizatorPolicy implements IAuthorizatorPolicy {

	private final AccessHook hook;

	HookAuthorizatorPolicy(AccessHook hook) {
		this.hook = hook;
	}

	@Override
	public boolean canWrite(Topic topic, String user, String client) {
		return decide(topic, user, client, "publish");
	}

	@Override
	public boolean canRead(Topic topic, String user, String client) {
		return decide(topic, user, client, "subscribe");
	}

	private boolean decide(Topic topic, String user, String client, String action) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("clientId", client);
		request.put("username", user);
		request.put("topic", topic.toString());
		request.put("action", action);
		return this.hook.allows(request);
	}

}
