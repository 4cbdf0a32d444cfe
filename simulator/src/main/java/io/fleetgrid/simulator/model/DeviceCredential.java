package io.fleetgrid.simulator.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A device the simulator drives, as registered in device-service.
 *
 * @param deviceId device id
 * @param token its secret token
 * @param type {@code VEHICLE}, {@code INVERTER}, {@code BATTERY} or {@code METER}
 */
public record DeviceCredential(String deviceId, String token, String type) {

	/**
	 * Reads a credentials file: one device per line, {@code deviceId,token,type}; blank
	 * lines and lines starting with {@code #} are skipped.
	 * @param file the file
	 * @return the devices
	 * @throws IOException if it cannot be read
	 * @throws IllegalArgumentException naming the line if a line is malformed
	 */
	public static List<DeviceCredential> read(Path file) throws IOException {
		List<DeviceCredential> devices = new ArrayList<>();
		List<String> lines = Files.readAllLines(file);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			devices.add(parse(line, file + ":" + (i + 1)));
		}
		return devices;
	}

	/**
	 * Parses {@code deviceId,token,type}.
	 * @param line the text
	 * @param where for the error message
	 * @return the credential
	 */
	public static DeviceCredential parse(String line, String where) {
		String[] parts = line.split(",", -1);
		if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
			throw new IllegalArgumentException(where + ": expected 'deviceId,token,type', got '" + line + "'");
		}
		String type = parts[2].strip().toUpperCase(Locale.ROOT);
		if (!List.of("VEHICLE", "INVERTER", "BATTERY", "METER").contains(type)) {
			throw new IllegalArgumentException(where + ": unknown type '" + parts[2] + "'");
		}
		return new DeviceCredential(parts[0].strip(), parts[1].strip(), type);
	}

	@Override
	public String toString() {
		return "DeviceCredential[deviceId=" + this.deviceId + ", token=***, type=" + this.type + "]";
	}

}
