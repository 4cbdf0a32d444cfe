package io.fleetgrid.ingest.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.fleetgrid.ingest.problem.IngestException;

/**
 * Device id and token from an {@code Authorization: Basic} header.
 *
 * @param deviceId the device id (user name)
 * @param token the token (password)
 */
record BasicCredentials(String deviceId, String token) {

	/**
	 * Parses a header.
	 * @param header the {@code Authorization} header, or null
	 * @return the credentials
	 * @throws IngestException 401 if absent or malformed
	 */
	static BasicCredentials parse(String header) {
		if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			throw IngestException.unauthorized("send 'Authorization: Basic base64(deviceId:token)'");
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw IngestException.unauthorized("the Basic credentials are not valid base64");
		}
		int colon = decoded.indexOf(':');
		if (colon < 1 || colon == decoded.length() - 1) {
			throw IngestException.unauthorized("the Basic credentials must be 'deviceId:token'");
		}
		return new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
	}

	@Override
	public String toString() {
		return "BasicCredentials[deviceId=" + this.deviceId + ", token=***]";
	}

}
