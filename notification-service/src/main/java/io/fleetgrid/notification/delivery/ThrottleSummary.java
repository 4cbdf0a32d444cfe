package io.fleetgrid.notification.delivery;

import java.time.Instant;

/**
 * What the summary of a throttle window reports: {@code count} notifications of one
 * device and alert type were suppressed in the window {@code [from, to)}.
 *
 * @param count how many were suppressed
 * @param from window start
 * @param to window end
 */
public record ThrottleSummary(int count, Instant from, Instant to) {

	/**
	 * The human-readable sentence, for example
	 * {@code 5 more OVERSPEED alerts for veh-1 suppressed between 10:00:00Z and 10:15:00Z}.
	 * @param alertType alert type
	 * @param deviceId device
	 * @return the text
	 */
	public String text(String alertType, String deviceId) {
		return this.count + " more " + alertType + ((this.count == 1) ? " alert" : " alerts") + " for " + deviceId
				+ " suppressed between " + this.from + " and " + this.to;
	}

}
