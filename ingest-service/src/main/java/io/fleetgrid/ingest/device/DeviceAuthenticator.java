package io.fleetgrid.ingest.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import feign.FeignException;
import io.fleetgrid.ingest.problem.IngestException;
import io.fleetgrid.security.tenant.TenantDirectory;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates devices by id and token.
 * <p>
 * A verified credential is cached (bounded, expiring) as a SHA-256 hash of device id and
 * token, never the token itself. A cache hit needs no call; a miss asks device-service
 * through a retry and a circuit breaker (the call's timeout is the Feign client's connect
 * and read timeout). If device-service cannot answer, cached devices keep flowing and
 * unknown ones get a retryable 503, never a 401. {@link #invalidate(String)} drops an
 * entry when the device changes.
 */
public class DeviceAuthenticator {

	private static final Logger LOGGER = LoggerFactory.getLogger(DeviceAuthenticator.class);

	private final DeviceCredentialsClient client;

	private final TenantDirectory tenants;

	private final DeviceAuthProperties properties;

	private final Cache<String, CachedCredential> cache;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	/**
	 * Creates the authenticator.
	 * @param client device-service's credential check
	 * @param tenants tenant status
	 * @param properties settings
	 */
	public DeviceAuthenticator(DeviceCredentialsClient client, TenantDirectory tenants,
			DeviceAuthProperties properties) {
		this.client = client;
		this.tenants = tenants;
		this.properties = properties;
		this.cache = Caffeine.newBuilder()
			.maximumSize(properties.cacheMaxEntries())
			.expireAfterWrite(properties.cacheTtl())
			.build();
		this.circuitBreaker = CircuitBreaker.of("device-service",
				CircuitBreakerConfig.custom()
					.failureRateThreshold(properties.failureRateThreshold())
					.slidingWindowSize(properties.slidingWindowSize())
					.minimumNumberOfCalls(Math.min(5, properties.slidingWindowSize()))
					.waitDurationInOpenState(properties.openStateWait())
					// A 4xx answer (wrong token) is device-service working as it should.
					.ignoreExceptions(FeignException.FeignClientException.class)
					.build());
		this.retry = Retry.of("device-service",
				RetryConfig.custom()
					.maxAttempts(Math.max(1, properties.retryAttempts()))
					.waitDuration(properties.retryWait())
					.retryOnException((ex) -> !(ex instanceof FeignException.FeignClientException)
							&& !(ex instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException))
					.build());
	}

	/**
	 * Authenticates a device and checks that it may send telemetry.
	 * @param deviceId the presented device id
	 * @param token the presented token
	 * @return the device
	 * @throws IngestException 401 for wrong credentials, 403 for a deactivated device or
	 * suspended tenant, 503 if device-service is needed but unavailable
	 */
	public VerifiedDevice authenticate(String deviceId, String token) {
		if (deviceId == null || deviceId.isEmpty() || token == null || token.isEmpty()) {
			throw IngestException.unauthorized("device id and token are required");
		}
		byte[] hash = hash(deviceId, token);
		CachedCredential cached = this.cache.getIfPresent(deviceId);
		VerifiedDevice device;
		if (cached != null && MessageDigest.isEqual(cached.tokenHash(), hash)) {
			device = cached.device();
		}
		else {
			device = verifyRemotely(deviceId, token);
			this.cache.put(deviceId, new CachedCredential(hash, device));
		}
		checkAllowed(device);
		return device;
	}

	/**
	 * The device of a cached verified credential, without checking a token (for enriching
	 * MQTT messages of a device the broker already authenticated).
	 * @param deviceId the device
	 * @return the device, if cached
	 */
	public Optional<VerifiedDevice> cached(String deviceId) {
		return Optional.ofNullable(this.cache.getIfPresent(deviceId)).map(CachedCredential::device);
	}

	/**
	 * Drops the cached credential of a device (it changed or was deleted).
	 * @param deviceId the device
	 */
	public void invalidate(String deviceId) {
		this.cache.invalidate(deviceId);
	}

	/**
	 * Refuses deactivated devices and devices of suspended tenants.
	 * @param device the device
	 * @throws IngestException 403
	 */
	public void checkAllowed(VerifiedDevice device) {
		if (!device.active()) {
			throw IngestException.forbidden("device '" + device.deviceId() + "' is deactivated");
		}
		if (this.tenants.isSuspended(device.tenantId())) {
			throw IngestException.forbidden("the tenant of device '" + device.deviceId() + "' is suspended");
		}
	}

	private VerifiedDevice verifyRemotely(String deviceId, String token) {
		Supplier<VerifiedDevice> call = Retry.decorateSupplier(this.retry, CircuitBreaker
			.decorateSupplier(this.circuitBreaker, () -> this.client.verify(new CredentialCheck(deviceId, token))));
		try {
			VerifiedDevice device = call.get();
			if (device == null || device.tenantId() == null || device.type() == null
					|| !deviceId.equals(device.deviceId())) {
				throw IngestException.unavailable("device-service gave an incomplete answer",
						this.properties.retryAfter());
			}
			return device;
		}
		catch (FeignException.Unauthorized | FeignException.NotFound | FeignException.Forbidden ex) {
			throw IngestException.unauthorized("unknown device or wrong token");
		}
		catch (IngestException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			LOGGER.warn("Cannot verify device {}: device-service unavailable ({})", deviceId, ex.toString());
			throw IngestException.unavailable("device credentials cannot be checked right now; retry later",
					this.properties.retryAfter());
		}
	}

	private static byte[] hash(String deviceId, String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(deviceId.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			return digest.digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record CachedCredential(byte[] tokenHash, VerifiedDevice device) {

	}

}
