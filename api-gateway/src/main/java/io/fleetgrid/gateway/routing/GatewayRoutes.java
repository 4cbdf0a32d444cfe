package io.fleetgrid.gateway.routing;

import java.util.function.Function;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public routing table (API.md "REST"), in one place. Every route forwards the path
 * unchanged to a service found through the discovery client ({@code lb://}); routes with
 * a lower order win, which is how the alert paths served by notification-service and
 * log-service take precedence over device-service's {@code /api/v1/alerts/{id}}.
 * <p>
 * Security seam: {@link #publicApi(GatewayFilterSpec)} is applied to every public route.
 * The security issue adds the token relay / JWT check and the rate limiter there; nothing
 * else in this class needs to change.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutes {

	/**
	 * Prefix of the OpenAPI documents; each service's is under {@code /v3/api-docs/<id>}.
	 */
	public static final String API_DOCS = "/v3/api-docs";

	/** Order of routes that must win over broader ones. */
	private static final int SPECIFIC = 0;

	/** Order of the ordinary routes. */
	private static final int GENERAL = 10;

	@Bean
	RouteLocator fleetGridRoutes(RouteLocatorBuilder builder) {
		RouteLocatorBuilder.Builder routes = builder.routes()
			// Alert paths owned by other services than device-service: checked first.
			.route("alerts-stream",
					(r) -> r.order(SPECIFIC)
						.path("/api/v1/alerts/stream")
						.filters(this::publicApi)
						.uri(FleetGridService.NOTIFICATION.uri()))
			.route("alerts-search",
					(r) -> r.order(SPECIFIC)
						.path("/api/v1/alerts/search")
						.filters(this::publicApi)
						.uri(FleetGridService.LOG.uri()))
			.route("device-service",
					(r) -> r.order(GENERAL)
						.path("/api/v1/devices/**", "/api/v1/groups/**", "/api/v1/geofences/**", "/api/v1/alerts",
								"/api/v1/alerts/{id}", "/api/v1/alerts/{id}/ack")
						.filters(this::publicApi)
						.uri(FleetGridService.DEVICE.uri()))
			.route("ingest-service",
					(r) -> r.order(GENERAL)
						.path("/api/v1/telemetry")
						.filters(this::publicApi)
						.uri(FleetGridService.INGEST.uri()))
			.route("notification-service",
					(r) -> r.order(GENERAL)
						.path("/api/v1/subscriptions/**", "/api/v1/webhooks/**", "/api/v1/notifications/**")
						.filters(this::publicApi)
						.uri(FleetGridService.NOTIFICATION.uri()))
			.route("log-service",
					(r) -> r.order(GENERAL)
						.path("/api/v1/logs/search", "/api/v1/audit/search")
						.filters(this::publicApi)
						.uri(FleetGridService.LOG.uri()))
			.route("auth-service-api",
					(r) -> r.order(GENERAL)
						.path("/api/v1/users/**", "/api/v1/clients/**", "/api/v1/tenants/**")
						.filters(this::publicApi)
						.uri(FleetGridService.AUTH.uri()))
			// The authorization server's own endpoints authenticate callers themselves.
			.route("auth-service-oauth2",
					(r) -> r.order(GENERAL)
						.path("/oauth2/**", "/.well-known/**", "/login", "/userinfo", "/connect/**")
						.uri(FleetGridService.AUTH.uri()));
		for (FleetGridService service : FleetGridService.values()) {
			routes.route("api-docs-" + service.id(),
					(r) -> r.order(GENERAL).path(service.apiDocsPath()).filters(apiDocs()).uri(service.uri()));
		}
		return routes.build();
	}

	/**
	 * Filters applied to every public {@code /api/v1/**} route.
	 * @param filters the route's filter spec
	 * @return the spec to continue with
	 */
	GatewayFilterSpec publicApi(GatewayFilterSpec filters) {
		return filters;
	}

	private static Function<GatewayFilterSpec, UriSpec> apiDocs() {
		return (filters) -> filters.setPath(API_DOCS);
	}

}
