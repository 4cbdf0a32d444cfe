package io.fleetgrid.ingest.device;

/**
 * The body of device-service's credential check.
 *
 * @param deviceId the device id the device presented
 * @param token the token it presented
 */
public record CredentialCheck(String deviceId, String token) {

	@Override
	public String toString() {
		return "CredentialCheck[deviceId=" + this.deviceId + ", token=***]";
	}

}
