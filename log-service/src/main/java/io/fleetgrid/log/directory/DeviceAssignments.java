package io.fleetgrid.log.directory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The devices assigned to each user of each tenant, as last published on
 * {@code fleetgrid.devices.v1} ({@code assignedUserIds} of each {@link DeviceSnapshot}).
 * Written by one thread ({@link DeviceDirectoryFollower}), read by the search requests.
 * Until the topic has been read up to its end once, the answer could miss devices, so it
 * is refused (503) rather than given incomplete.
 */
public final class DeviceAssignments {

	/** Tenant and assigned users per device id; guarded by {@code this}. */
	private final Map<String, Device> devices = new HashMap<>();

	/** Immutable sets of device ids per tenant and user, replaced on every change. */
	private final Map<String, Set<String>> byUser = new ConcurrentHashMap<>();

	private volatile boolean loaded;

	/**
	 * Applies one record of the devices topic.
	 * @param deviceId the record key
	 * @param device the snapshot, or null for a tombstone (device deleted)
	 */
	public synchronized void apply(String deviceId, @Nullable DeviceSnapshot device) {
		Device old = this.devices.remove(deviceId);
		if (old != null) {
			old.userIds().forEach((userId) -> change(old.tenantId(), userId, deviceId, false));
		}
		if (device != null) {
			Device now = new Device(device.tenantId(), Set.copyOf(device.assignedUserIds()));
			this.devices.put(deviceId, now);
			now.userIds().forEach((userId) -> change(now.tenantId(), userId, deviceId, true));
		}
	}

	/** Marks the directory complete: the topic was read up to its end once. */
	public void markLoaded() {
		this.loaded = true;
	}

	/**
	 * Whether the topic was read up to its end once.
	 * @return true once complete
	 */
	public boolean loaded() {
		return this.loaded;
	}

	/**
	 * The devices of a tenant assigned to a user.
	 * @param tenantId tenant
	 * @param userId user id (the token's subject)
	 * @return the device ids, possibly empty
	 * @throws ErrorResponseException 503 while the directory is still loading
	 */
	public Set<String> assignedTo(String tenantId, String userId) {
		if (!this.loaded) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The device assignments are still being loaded; try again shortly");
			problem.setTitle("Search unavailable");
			throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
		}
		return this.byUser.getOrDefault(key(tenantId, userId), Set.of());
	}

	private void change(String tenantId, String userId, String deviceId, boolean assigned) {
		this.byUser.compute(key(tenantId, userId), (key, current) -> {
			Set<String> next = (current != null) ? new HashSet<>(current) : new HashSet<>();
			if (assigned) {
				next.add(deviceId);
			}
			else {
				next.remove(deviceId);
			}
			return next.isEmpty() ? null : Set.copyOf(next);
		});
	}

	private static String key(String tenantId, String userId) {
		return tenantId + '\u0000' + userId;
	}

	private record Device(String tenantId, Set<String> userIds) {
	}

}
