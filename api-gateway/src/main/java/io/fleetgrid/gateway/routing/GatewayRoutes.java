package io.fleetgrid.gateway.routing;

import java.util.List;

import io.fleetgrid.gateway.resilience.RouteCircuitBreakers;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The public routing table (API.md "REST"), in one place: {@link #TABLE}. Every route
 * forwards the path unchanged to a service found through the discovery client
 * ({@code lb://}); routes with a lower order win, which is how
 * {@code /api/v1/devices/{id}/state} (stream-processor) and the alert paths served by
 * notification-service and log-service take precedence over device-service's broader
 * patterns. Nothing routes {@code /internal/**}: those paths are answered 404.
 * <p>
 * Each route runs inside its own circuit breaker and timeout. The public API routes also
 * relay the portal session's access token ({@code TokenRelay}; a bearer token sent by the
 * caller is passed on as it is) and drop the caller's cookies, which only the gateway
 * reads.
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

	/** The route table: id, owning service, order, path patterns. */
	public static final List<ApiRoute> TABLE = List.of(
			// Paths inside device-service's patterns but owned by other services.
			ApiRoute.api("device-state", FleetGridService.STREAM, SPECIFIC, "/api/v1/devices/{id}/state"),
			ApiRoute.stream("alerts-stream", FleetGridService.NOTIFICATION, SPECIFIC, "/api/v1/alerts/stream"),
			ApiRoute.api("alerts-search", FleetGridService.LOG, SPECIFIC, "/api/v1/alerts/search"),
			// Paths of their own (no overlap with other routes).
			ApiRoute.stream("device-states-stream", FleetGridService.STREAM, SPECIFIC, "/api/v1/device-states/stream"),
			ApiRoute.api("device-states", FleetGridService.STREAM, GENERAL, "/api/v1/device-states"),
			ApiRoute.api("device-service", FleetGridService.DEVICE, GENERAL, "/api/v1/devices", "/api/v1/devices/**",
					"/api/v1/groups", "/api/v1/groups/**", "/api/v1/geofences", "/api/v1/geofences/**",
					"/api/v1/alerts", "/api/v1/alerts/{id}", "/api/v1/alerts/{id}/ack"),
			ApiRoute.api("ingest-service", FleetGridService.INGEST, GENERAL, "/api/v1/telemetry"),
			ApiRoute.api("notification-service", FleetGridService.NOTIFICATION, GENERAL, "/api/v1/subscriptions",
					"/api/v1/subscriptions/**", "/api/v1/webhooks", "/api/v1/webhooks/**", "/api/v1/notifications",
					"/api/v1/notifications/**"),
			ApiRoute.api("log-service", FleetGridService.LOG, GENERAL, "/api/v1/logs/search", "/api/v1/audit/search"),
			ApiRoute.api("auth-service-api", FleetGridService.AUTH, GENERAL, "/api/v1/users", "/api/v1/users/**",
					"/api/v1/clients", "/api/v1/clients/**", "/api/v1/tenants", "/api/v1/tenants/**"),
			// The authorization server's public endpoints; they authenticate callers
			// themselves (client credentials, or nothing for discovery and keys).
			ApiRoute.authorizationServer("auth-service-oauth2", FleetGridService.AUTH, GENERAL, "/oauth2/token",
					"/oauth2/jwks", "/oauth2/revoke", "/oauth2/introspect", "/.well-known/**", "/userinfo"));

	@Bean
	RouteLocator fleetGridRoutes(RouteLocatorBuilder builder, RouteCircuitBreakers circuitBreakers) {
		RouteLocatorBuilder.Builder routes = builder.routes();
		for (ApiRoute route : TABLE) {
			routes.route(route.id(), (r) -> {
				UriSpec spec = r.order(route.order())
					.path(route.paths().toArray(String[]::new))
					.filters((filters) -> (route.publicApi() ? publicApi(filters) : filters)
						.filter(circuitBreakers.forRoute(route.id())));
				if (route.streaming()) {
					// A Server-Sent Events stream may stay quiet for long: no read
					// timeout.
					spec = spec.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1);
				}
				return spec.uri(route.service().uri());
			});
		}
		for (FleetGridService service : FleetGridService.values()) {
			String id = "api-docs-" + service.id();
			routes.route(id,
					(r) -> r.order(GENERAL)
						.path(service.apiDocsPath())
						.filters((filters) -> filters.setPath(API_DOCS).filter(circuitBreakers.forRoute(id)))
						.uri(service.uri()));
		}
		return routes.build();
	}

	/**
	 * Filters applied to every public {@code /api/v1/**} route, after Spring Security
	 * accepted the caller.
	 * @param filters the route's filter spec
	 * @return the spec to continue with
	 */
	GatewayFilterSpec publicApi(GatewayFilterSpec filters) {
		return filters.removeRequestHeader(HttpHeaders.COOKIE).tokenRelay();
	}

	/**
	 * One row of the route table.
	 *
	 * @param id route id (also the circuit breaker's name)
	 * @param service the owning service
	 * @param order lower wins when patterns overlap
	 * @param publicApi whether it is a public {@code /api/v1} route (token relay, no
	 * cookies)
	 * @param streaming whether responses are long-lived streams (no read timeout)
	 * @param paths the path patterns
	 */
	public record ApiRoute(String id, FleetGridService service, int order, boolean publicApi, boolean streaming,
			List<String> paths) {

		static ApiRoute api(String id, FleetGridService service, int order, String... paths) {
			return new ApiRoute(id, service, order, true, false, List.of(paths));
		}

		static ApiRoute stream(String id, FleetGridService service, int order, String... paths) {
			return new ApiRoute(id, service, order, true, true, List.of(paths));
		}

		static ApiRoute authorizationServer(String id, FleetGridService service, int order, String... paths) {
			return new ApiRoute(id, service, order, false, false, List.of(paths));
		}

	}

}
