package io.fleetgrid.device.credentials;

import java.util.Optional;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.device.registry.DeviceRepository;
import io.fleetgrid.device.registry.DeviceRepository.StoredCredential;

import org.springframework.stereotype.Service;

/**
 * Checks a device id and token as ingest presents them.
 */
@Service
public class CredentialCheck {

	private final DeviceRepository devices;

	private final TokenHasher hasher;

	/**
	 * Creates the check.
	 * @param devices the registry
	 * @param hasher the token hasher
	 */
	public CredentialCheck(DeviceRepository devices, TokenHasher hasher) {
		this.devices = devices;
		this.hasher = hasher;
	}

	/**
	 * Verifies a token.
	 * @param deviceId the claimed device id
	 * @param token the presented token
	 * @return the device if the token is its current one; empty for an unknown device, a
	 * revoked credential or a wrong token alike
	 */
	public Optional<VerifiedDevice> verify(String deviceId, String token) {
		Optional<StoredCredential> stored = this.devices.findCredential(deviceId);
		// An unknown device is checked against no hash, so it costs as much as a wrong
		// token.
		byte[] hash = stored.map(StoredCredential::tokenHash).orElse(null);
		if (!this.hasher.matches(deviceId, token, hash) || stored.isEmpty()) {
			return Optional.empty();
		}
		StoredCredential credential = stored.get();
		return Optional.of(new VerifiedDevice(credential.deviceId(), credential.tenantId(), credential.type(),
				credential.active()));
	}

	/**
	 * A device whose token matched.
	 *
	 * @param deviceId the device
	 * @param tenantId its tenant
	 * @param type its type
	 * @param active whether it may send telemetry (ingest answers 403 when not)
	 */
	public record VerifiedDevice(String deviceId, String tenantId, DeviceType type, boolean active) {

	}

}
