package io.fleetgrid.contracts.event;

import java.time.Instant;

/**
 * Rule settings of one group, or a tenant's defaults, on the compacted
 * {@code fleetgrid.rules.v1} topic (key {@code tenantId:groupId}, see {@link #key()}); a
 * tombstone means the group's settings were removed and the tenant defaults apply again.
 * A group's effective thresholds are its own, then the tenant defaults', then the
 * {@link Thresholds#PLATFORM_DEFAULTS platform defaults'}, field by field.
 *
 * @param tenantId tenant
 * @param groupId group, or {@link #TENANT_DEFAULTS} for the tenant defaults
 * @param thresholds the thresholds set at this level (unset fields are null)
 * @param updatedAt last change
 */
public record RuleSettings(String tenantId, String groupId, Thresholds thresholds, Instant updatedAt) {

	/** The group id under which a tenant's defaults are published. */
	public static final String TENANT_DEFAULTS = "*";

	public RuleSettings {
		Fields.requiredText(tenantId, "tenantId");
		Fields.requiredText(groupId, "groupId");
		Fields.required(updatedAt, "updatedAt");
		if (tenantId.indexOf(':') >= 0) {
			throw new IllegalArgumentException("tenantId must not contain ':' (it separates the key): " + tenantId);
		}
		thresholds = (thresholds != null) ? thresholds : Thresholds.NONE;
	}

	/**
	 * The record key for a tenant and group.
	 * @param tenantId tenant
	 * @param groupId group, or {@link #TENANT_DEFAULTS}
	 * @return {@code tenantId:groupId}
	 */
	public static String key(String tenantId, String groupId) {
		return tenantId + ":" + groupId;
	}

	/**
	 * The record key of these settings.
	 * @return {@code tenantId:groupId}
	 */
	public String key() {
		return key(this.tenantId, this.groupId);
	}

	/**
	 * Detector thresholds. Each field is optional (null = not set at this level).
	 *
	 * @param speedLimitKph speed limit for OVERSPEED
	 * @param overspeedMinSeconds how long the limit must be exceeded
	 * @param harshBrakingMps2 deceleration (positive magnitude) for HARSH_BRAKING
	 * @param harshAccelerationMps2 acceleration for HARSH_ACCELERATION
	 * @param coolantMaxC coolant temperature for ENGINE_OVERHEAT
	 * @param oilPressureMinKpa oil pressure for LOW_OIL_PRESSURE
	 * @param tirePressureMinKpa lowest tyre pressure for LOW_TIRE_PRESSURE
	 * @param fuelMinPct fuel level for LOW_FUEL
	 * @param offlineAfterMinutes silence before DEVICE_OFFLINE
	 * @param batterySocMinPct state of charge for LOW_BATTERY
	 * @param inverterTempMaxC inverter temperature for INVERTER_OVERTEMP
	 * @param productionDropPct shortfall against the expected production for
	 * PRODUCTION_DROP
	 * @param gridVoltageMinV lower end of the grid voltage band for GRID_ANOMALY
	 * @param gridVoltageMaxV upper end of the grid voltage band
	 * @param gridFrequencyMinHz lower end of the grid frequency band
	 * @param gridFrequencyMaxHz upper end of the grid frequency band
	 */
	public record Thresholds(Double speedLimitKph, Integer overspeedMinSeconds, Double harshBrakingMps2,
			Double harshAccelerationMps2, Double coolantMaxC, Double oilPressureMinKpa, Double tirePressureMinKpa,
			Double fuelMinPct, Integer offlineAfterMinutes, Double batterySocMinPct, Double inverterTempMaxC,
			Double productionDropPct, Double gridVoltageMinV, Double gridVoltageMaxV, Double gridFrequencyMinHz,
			Double gridFrequencyMaxHz) {

		/** Nothing set. */
		public static final Thresholds NONE = new Thresholds(null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null);

		/**
		 * Platform defaults, used where neither the group nor the tenant sets a value:
		 * 120 km/h for 10 s; 3.5 m/s² braking, 3.0 m/s² acceleration; coolant 110 °C; oil
		 * 70 kPa; tyres 180 kPa; fuel 10 %; offline after 10 min; battery 15 %; inverter
		 * 75 °C; production 50 % below expected; grid 207–253 V (230 V ± 10 %), 49.5–50.5
		 * Hz.
		 */
		public static final Thresholds PLATFORM_DEFAULTS = new Thresholds(120.0, 10, 3.5, 3.0, 110.0, 70.0, 180.0, 10.0,
				10, 15.0, 75.0, 50.0, 207.0, 253.0, 49.5, 50.5);

		public Thresholds {
			Fields.nonNegative(speedLimitKph, "speedLimitKph");
			Fields.nonNegative(overspeedMinSeconds, "overspeedMinSeconds");
			Fields.nonNegative(harshBrakingMps2, "harshBrakingMps2");
			Fields.nonNegative(harshAccelerationMps2, "harshAccelerationMps2");
			Fields.finite(coolantMaxC, "coolantMaxC");
			Fields.nonNegative(oilPressureMinKpa, "oilPressureMinKpa");
			Fields.nonNegative(tirePressureMinKpa, "tirePressureMinKpa");
			percent(fuelMinPct, "fuelMinPct");
			Fields.nonNegative(offlineAfterMinutes, "offlineAfterMinutes");
			percent(batterySocMinPct, "batterySocMinPct");
			Fields.finite(inverterTempMaxC, "inverterTempMaxC");
			percent(productionDropPct, "productionDropPct");
			band(Fields.nonNegative(gridVoltageMinV, "gridVoltageMinV"),
					Fields.nonNegative(gridVoltageMaxV, "gridVoltageMaxV"), "gridVoltage");
			band(Fields.nonNegative(gridFrequencyMinHz, "gridFrequencyMinHz"),
					Fields.nonNegative(gridFrequencyMaxHz, "gridFrequencyMaxHz"), "gridFrequency");
		}

		private static void percent(Double value, String name) {
			if (value != null && !(value >= 0 && value <= 100)) {
				throw new IllegalArgumentException(name + " must be within [0, 100]: " + value);
			}
		}

		private static void band(Double min, Double max, String name) {
			if (min != null && max != null && min > max) {
				throw new IllegalArgumentException(name + " band is empty: min " + min + " > max " + max);
			}
		}

		/**
		 * These thresholds with every unset field taken from {@code fallback}.
		 * @param fallback the next level (tenant defaults, then platform defaults)
		 * @return the merged thresholds
		 * @throws IllegalArgumentException if the merge yields an empty voltage or
		 * frequency band (device-service validates effective settings before publishing)
		 */
		public Thresholds orElse(Thresholds fallback) {
			return new Thresholds(or(this.speedLimitKph, fallback.speedLimitKph),
					or(this.overspeedMinSeconds, fallback.overspeedMinSeconds),
					or(this.harshBrakingMps2, fallback.harshBrakingMps2),
					or(this.harshAccelerationMps2, fallback.harshAccelerationMps2),
					or(this.coolantMaxC, fallback.coolantMaxC), or(this.oilPressureMinKpa, fallback.oilPressureMinKpa),
					or(this.tirePressureMinKpa, fallback.tirePressureMinKpa), or(this.fuelMinPct, fallback.fuelMinPct),
					or(this.offlineAfterMinutes, fallback.offlineAfterMinutes),
					or(this.batterySocMinPct, fallback.batterySocMinPct),
					or(this.inverterTempMaxC, fallback.inverterTempMaxC),
					or(this.productionDropPct, fallback.productionDropPct),
					or(this.gridVoltageMinV, fallback.gridVoltageMinV),
					or(this.gridVoltageMaxV, fallback.gridVoltageMaxV),
					or(this.gridFrequencyMinHz, fallback.gridFrequencyMinHz),
					or(this.gridFrequencyMaxHz, fallback.gridFrequencyMaxHz));
		}

		private static <T> T or(T value, T fallback) {
			return (value != null) ? value : fallback;
		}

	}

}
