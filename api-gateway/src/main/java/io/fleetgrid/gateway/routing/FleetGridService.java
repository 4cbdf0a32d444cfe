package io.fleetgrid.gateway.routing;

/**
 * The services behind the gateway, by the id they register with in Eureka.
 */
public enum FleetGridService {

	/** OAuth2/OIDC issuer; tenants, users, API clients. */
	AUTH("auth-service"),

	/** Devices, groups, geofences, rules, alerts. */
	DEVICE("device-service"),

	/** Telemetry ingest over HTTP and MQTT. */
	INGEST("ingest-service"),

	/** Kafka Streams processing. */
	STREAM("stream-processor"),

	/** Live alerts, subscriptions, webhooks, delivery history. */
	NOTIFICATION("notification-service"),

	/** Search over logs, audit events and alerts. */
	LOG("log-service");

	private final String id;

	FleetGridService(String id) {
		this.id = id;
	}

	/**
	 * The service id in the registry.
	 * @return the id, e.g. {@code device-service}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Load-balanced URI of the service, resolved through the discovery client.
	 * @return e.g. {@code lb://device-service}
	 */
	public String uri() {
		return "lb://" + this.id;
	}

	/**
	 * Where the gateway serves this service's OpenAPI document.
	 * @return e.g. {@code /v3/api-docs/device-service}
	 */
	public String apiDocsPath() {
		return GatewayRoutes.API_DOCS + "/" + this.id;
	}

}
