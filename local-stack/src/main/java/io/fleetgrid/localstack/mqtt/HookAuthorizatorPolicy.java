package io.fleetgrid.localstack.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * Moquette asks on every PUBLISH, so decisions (allow and deny alike) are cached per
 * client, user, topic and action for a while, like EMQX's authorisation cache: a device
 * publishing telemetry costs one HTTP call per cache period, not one per message. A
 * changed decision therefore reaches a connected client within that period.
 * <p>
 * MQTT 3.1.1 has no way to refuse a PUBLISH: Moquette drops a refused one without
 * acknowledging it, and answers a refused subscription with the failure return code
 * {@code 0x80} in the SUBACK.
 */
final class HookAuthorizatorPolicy implements IAuthorizatorPolicy {

	private static final int MAX_CACHED_DECISIONS = 10_000;

	private final AccessHook hook;

	private final Duration cacheTtl;

	private final Clock clock;

	private final Map<Request, Decision> decisions = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Request, Decision> eldest) {
			return size() > MAX_CACHED_DECISIONS;
		}

	};

	HookAuthorizatorPolicy(AccessHook hook, Duration cacheTtl) {
		this(hook, cacheTtl, Clock.systemUTC());
	}

	HookAuthorizatorPolicy(AccessHook hook, Duration cacheTtl, Clock clock) {
		this.hook = hook;
		this.cacheTtl = cacheTtl;
		this.clock = clock;
	}

	@Override
	public boolean canWrite(Topic topic, String user, String client) {
		return decide(new Request(client, user, topic.toString(), "publish"));
	}

	@Override
	public boolean canRead(Topic topic, String user, String client) {
		return decide(new Request(client, user, topic.toString(), "subscribe"));
	}

	private boolean decide(Request request) {
		Instant now = this.clock.instant();
		synchronized (this.decisions) {
			Decision cached = this.decisions.get(request);
			if (cached != null && now.isBefore(cached.expires())) {
				return cached.allowed();
			}
		}
		boolean allowed = this.hook.allows(request.asJson());
		if (!this.cacheTtl.isZero()) {
			synchronized (this.decisions) {
				this.decisions.put(request, new Decision(allowed, now.plus(this.cacheTtl)));
			}
		}
		return allowed;
	}

	private record Request(String clientId, String username, String topic, String action) {

		Map<String, Object> asJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("clientId", this.clientId);
			json.put("username", this.username);
			json.put("topic", this.topic);
			json.put("action", this.action);
			return json;
		}

	}

	private record Decision(boolean allowed, Instant expires) {
	}

}
