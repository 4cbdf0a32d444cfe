package io.fleetgrid.stream.geo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import io.fleetgrid.contracts.event.GeoPoint;

/**
 * A simple solar model: the sun's elevation from the day of year and UTC time (solar
 * declination and equation of time by the usual Fourier approximations, about 0.5°
 * accurate), and clear-sky global horizontal irradiance by the Haurwitz model
 * ({@code 1098 · cos z · e^(-0.057 / cos z)} W/m²).
 */
public final class SolarPosition {

	private SolarPosition() {
	}

	/**
	 * The sun's elevation above the horizon.
	 * @param site location
	 * @param at instant
	 * @return degrees, negative at night
	 */
	public static double elevationDeg(GeoPoint site, Instant at) {
		ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
		double gamma = 2 * Math.PI / 365 * (utc.getDayOfYear() - 1 + (utc.getHour() - 12) / 24.0);
		double declination = 0.006918 - 0.399912 * Math.cos(gamma) + 0.070257 * Math.sin(gamma)
				- 0.006758 * Math.cos(2 * gamma) + 0.000907 * Math.sin(2 * gamma) - 0.002697 * Math.cos(3 * gamma)
				+ 0.00148 * Math.sin(3 * gamma);
		double equationOfTimeMin = 229.18 * (0.000075 + 0.001868 * Math.cos(gamma) - 0.032077 * Math.sin(gamma)
				- 0.014615 * Math.cos(2 * gamma) - 0.040849 * Math.sin(2 * gamma));
		double minutes = utc.getHour() * 60 + utc.getMinute() + utc.getSecond() / 60.0;
		double solarMinutes = minutes + equationOfTimeMin + 4 * site.lon();
		double hourAngle = Math.toRadians(solarMinutes / 4 - 180);
		double lat = Math.toRadians(site.lat());
		double cosZenith = Math.sin(lat) * Math.sin(declination)
				+ Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
		return 90 - Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosZenith))));
	}

	/**
	 * Clear-sky global horizontal irradiance (Haurwitz).
	 * @param elevationDeg sun elevation
	 * @return W/m², 0 when the sun is below the horizon
	 */
	public static double clearSkyGhi(double elevationDeg) {
		if (elevationDeg <= 0) {
			return 0;
		}
		double cosZenith = Math.sin(Math.toRadians(elevationDeg));
		return 1098 * cosZenith * Math.exp(-0.057 / cosZenith);
	}

}
