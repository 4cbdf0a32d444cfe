package io.fleetgrid.notification.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import io.fleetgrid.notification.NotificationProperties;

import org.springframework.stereotype.Component;

/**
 * The users of a tenant, from auth-service through a retry (3 attempts) inside a circuit
 * breaker, cached per tenant for {@code directory.user-cache-ttl}. When auth-service
 * fails and a stale list is cached, the stale list is used; without one the lookup fails
 * with {@link UserLookupException} and the caller retries later.
 */
@Component
public class UserDirectory {

	private final AuthUsersClient client;

	private final Clock clock;

	private final Duration ttl;

	private final CircuitBreaker breaker;

	private final Retry retry;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	/**
	 * Creates the directory.
	 * @param client auth-service client
	 * @param clock clock
	 * @param properties settings
	 */
	public UserDirectory(AuthUsersClient client, Clock clock, NotificationProperties properties) {
		this.client = client;
		this.clock = clock;
		this.ttl = properties.directory().userCacheTtl();
		this.breaker = CircuitBreaker.of("auth-service-users",
				CircuitBreakerConfig.custom()
					.slidingWindowSize(10)
					.minimumNumberOfCalls(5)
					.waitDurationInOpenState(Duration.ofSeconds(30))
					.build());
		this.retry = Retry.of("auth-service-users",
				RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(200)).build());
	}

	/**
	 * The tenant's users.
	 * @param tenantId tenant
	 * @return its users (possibly stale when auth-service is down)
	 * @throws UserLookupException when auth-service failed and nothing is cached
	 */
	public List<TenantUser> users(String tenantId) throws UserLookupException {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(tenantId);
		if (cached != null && cached.expiresAt().isAfter(now)) {
			return cached.users();
		}
		Supplier<List<TenantUser>> call = Retry.decorateSupplier(this.retry,
				CircuitBreaker.decorateSupplier(this.breaker, () -> this.client.users(tenantId)));
		try {
			List<TenantUser> users = List.copyOf(call.get());
			this.cache.put(tenantId, new Cached(users, now.plus(this.ttl)));
			return users;
		}
		catch (RuntimeException ex) {
			if (cached != null) {
				return cached.users();
			}
			throw new UserLookupException("users of tenant " + tenantId + " unavailable: " + ex.getMessage(), ex);
		}
	}

	/**
	 * One user of a tenant.
	 * @param tenantId tenant
	 * @param userId user id
	 * @return the user, or null if unknown
	 * @throws UserLookupException when auth-service failed and nothing is cached
	 */
	public TenantUser user(String tenantId, String userId) throws UserLookupException {
		return users(tenantId).stream().filter((user) -> user.id().equals(userId)).findFirst().orElse(null);
	}

	private record Cached(List<TenantUser> users, Instant expiresAt) {
	}

}
