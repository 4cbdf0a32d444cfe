package io.fleetgrid.contracts.event;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.GeofenceSnapshot.Geometry;
import io.fleetgrid.contracts.event.RuleSettings.Thresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventRecordsTests {

	@Nested
	class AlertTypes {

		@Test
		void knowsEveryTypeOfTheContract() {
			assertThat(AlertType.known()).extracting(AlertType::name)
				.containsExactly("OVERSPEED", "HARSH_BRAKING", "HARSH_ACCELERATION", "GEOFENCE_ENTER", "GEOFENCE_EXIT",
						"ENGINE_OVERHEAT", "LOW_OIL_PRESSURE", "LOW_TIRE_PRESSURE", "LOW_FUEL", "DTC", "SERVICE_DUE",
						"INVERTER_FAULT", "INVERTER_OVERTEMP", "LOW_BATTERY", "PRODUCTION_DROP", "GRID_ANOMALY",
						"DEVICE_OFFLINE");
		}

		@Test
		void returnsTheConstantForAKnownName() {
			assertThat(AlertType.of("OVERSPEED")).isSameAs(AlertType.OVERSPEED);
			assertThat(AlertType.OVERSPEED.isKnown()).isTrue();
		}

		@Test
		void acceptsNewTypes() {
			AlertType type = AlertType.of("CARGO_DOOR_OPEN");
			assertThat(type).isEqualTo(new AlertType("CARGO_DOOR_OPEN"));
			assertThat(type.isKnown()).isFalse();
			assertThat(type).hasToString("CARGO_DOOR_OPEN");
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "overspeed", "1ST", "OVER SPEED", "OVER-SPEED" })
		void rejectsInvalidNames(String name) {
			assertThatIllegalArgumentException().isThrownBy(() -> AlertType.of(name))
				.withMessageContaining("alert type must be 1-64 upper-case letters");
		}

	}

	@Nested
	class Alerts {

		@Test
		void requiresIdentityAndLifecycleFields() {
			AlertEvent alert = SampleEvents.alert();
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new AlertEvent(" ", alert.tenantId(), alert.deviceId(), null, alert.type(),
						alert.severity(), alert.status(), null, alert.startedAt(), null, alert.ts(), 1, null, null,
						null))
				.withMessage("alertId is required and must not be blank");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new AlertEvent("a", "t", "d", null, AlertType.DTC, null, Status.RAISED, null,
						alert.startedAt(), null, alert.ts(), 1, null, null, null))
				.withMessage("severity is required");
		}

		@Test
		void requiresVersionFromOne() {
			assertThatIllegalArgumentException().isThrownBy(() -> raised(0)).withMessage("version must be >= 1: 0");
		}

		@Test
		void requiresEndedAtOnceCleared() {
			AlertEvent raised = raised(1);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> raised.next(Status.CLEARED, SampleEvents.TS, null, null, null))
				.withMessage("a CLEARED alert needs endedAt");
			assertThat(raised.next(Status.CLEARED, SampleEvents.TS, SampleEvents.TS, null, null).endedAt())
				.isEqualTo(SampleEvents.TS);
		}

		@Test
		void rejectsEndBeforeStart() {
			AlertEvent raised = raised(1);
			assertThatIllegalArgumentException().isThrownBy(
					() -> raised.next(Status.CLEARED, SampleEvents.TS, raised.startedAt().minusSeconds(1), null, null))
				.withMessageContaining("is before startedAt");
		}

		@Test
		void requiresAcknowledgementWhenAcknowledged() {
			AlertEvent raised = raised(1);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> raised.next(Status.ACKNOWLEDGED, SampleEvents.TS, null, null, null))
				.withMessage("an ACKNOWLEDGED alert needs its acknowledgement");
		}

		@Test
		void nextStepKeepsIdentityAndIncrementsVersion() {
			AlertEvent raised = raised(1);
			AlertEvent updated = raised.next(Status.UPDATED, SampleEvents.RECEIVED, null, "faster",
					Map.of("maxSpeedKph", 130.0));
			assertThat(updated.alertId()).isEqualTo(raised.alertId());
			assertThat(updated.startedAt()).isEqualTo(raised.startedAt());
			assertThat(updated.version()).isEqualTo(2);
			assertThat(updated.ts()).isEqualTo(SampleEvents.RECEIVED);
			assertThat(updated.message()).isEqualTo("faster");
			assertThat(updated.details()).containsEntry("maxSpeedKph", 130.0);
			assertThat(updated.next(Status.UPDATED, SampleEvents.RECEIVED, null, null, null).details())
				.isEqualTo(updated.details());
		}

		@Test
		void acknowledgementRecordsWhoAndWhen() {
			AlertEvent acknowledged = SampleEvents.alert().acknowledge("user-7", SampleEvents.RECEIVED, null);
			assertThat(acknowledged.status()).isEqualTo(Status.ACKNOWLEDGED);
			assertThat(acknowledged.version()).isEqualTo(3);
			assertThat(acknowledged.acknowledgement())
				.isEqualTo(new AlertEvent.Acknowledgement("user-7", SampleEvents.RECEIVED, null));
		}

		@Test
		void copiesDetailsDeeplyAndImmutably() {
			List<Object> values = new ArrayList<>(List.of(1L));
			Map<String, Object> details = new HashMap<>(Map.of("values", values));
			AlertEvent alert = new AlertEvent("a", "t", "d", null, AlertType.DTC, Severity.INFO, Status.RAISED, null,
					SampleEvents.TS, null, SampleEvents.TS, 1, null, details, null);
			values.add(2L);
			details.put("other", "x");
			assertThat(alert.details()).isEqualTo(Map.of("values", List.of(1L)));
			assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> alert.details().put("x", 1));
			@SuppressWarnings("unchecked")
			List<Object> copied = (List<Object>) alert.details().get("values");
			assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> copied.add(3L));
		}

		@Test
		void rejectsDetailsThatAreNotJson() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new AlertEvent("a", "t", "d", null, AlertType.DTC, Severity.INFO, Status.RAISED, null,
						SampleEvents.TS, null, SampleEvents.TS, 1, null, Map.of("when", SampleEvents.TS), null))
				.withMessageContaining("details.when must hold JSON values");
		}

		@Test
		void treatsMissingDetailsAsEmpty() {
			assertThat(raised(1).details()).isEmpty();
		}

		private static AlertEvent raised(long version) {
			return new AlertEvent("al-9", "demo", "veh-0001", null, AlertType.OVERSPEED, Severity.WARNING,
					Status.RAISED, null, Instant.parse("2026-11-23T10:14:00Z"), null,
					Instant.parse("2026-11-23T10:14:10Z"), version, null, null, null);
		}

	}

	@Nested
	class Telemetry {

		@Test
		void copiesMetricsImmutablyInOrder() {
			Map<String, Object> metrics = new LinkedHashMap<>();
			metrics.put("b", 1L);
			metrics.put("a", new ArrayList<>(List.of("x")));
			TelemetryEvent event = withMetrics(metrics);
			metrics.put("c", 2L);
			assertThat(event.metrics()).containsExactly(Map.entry("b", 1L), Map.entry("a", List.of("x")));
			assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> event.metrics().remove("b"));
			assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> event.textList("a").add("y"));
		}

		@Test
		void rejectsUnsupportedMetricValues() {
			assertThatIllegalArgumentException().isThrownBy(() -> withMetrics(Map.of("pos", Map.of("lat", 1.0))))
				.withMessageContaining("metric pos must be a number, boolean, text or list of text");
			assertThatIllegalArgumentException().isThrownBy(() -> withMetrics(Map.of("x", Double.NaN)))
				.withMessageContaining("metric x must be finite");
			assertThatIllegalArgumentException().isThrownBy(() -> withMetrics(Map.of("codes", List.of(1L))))
				.withMessageContaining("metric codes is a list and must hold only text");
			Map<String, Object> withNull = new HashMap<>();
			withNull.put("x", null);
			assertThatIllegalArgumentException().isThrownBy(() -> withMetrics(withNull))
				.withMessageContaining("found null");
		}

		@Test
		void rejectsNegativeSeq() {
			TelemetryEvent sample = SampleEvents.telemetry();
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new TelemetryEvent(sample.deviceId(), sample.tenantId(), sample.deviceType(),
						sample.ts(), -1L, sample.receivedAt(), sample.metrics()))
				.withMessage("seq must be >= 0: -1");
		}

		@Test
		void readsTypedMetrics() {
			TelemetryEvent event = SampleEvents.telemetry();
			assertThat(event.number("speedKph")).hasValue(87.5);
			assertThat(event.number("engineRpm")).hasValue(2400.0);
			assertThat(event.number("ignition")).isEmpty();
			assertThat(event.number("absent")).isEmpty();
			assertThat(event.flag("ignition")).contains(true);
			assertThat(event.text("firmware")).contains("4.2.1");
			assertThat(event.text("speedKph")).isEmpty();
			assertThat(event.textList("dtcCodes")).containsExactly("P0301", "P0420");
			assertThat(event.textList("firmware")).isEmpty();
		}

		private static TelemetryEvent withMetrics(Map<String, ?> metrics) {
			@SuppressWarnings("unchecked")
			Map<String, Object> values = (Map<String, Object>) metrics;
			return new TelemetryEvent("veh-0001", "demo", DeviceType.VEHICLE, SampleEvents.TS, null,
					SampleEvents.RECEIVED, values);
		}

	}

	@Nested
	class Registry {

		@Test
		void rejectsVehicleAttributesOnAnEnergyDevice() {
			DeviceSnapshot vehicle = SampleEvents.vehicle();
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new DeviceSnapshot("inv-1", "demo", DeviceType.INVERTER, null, null, null, null, true,
						vehicle.vehicle(), null, SampleEvents.TS, SampleEvents.TS))
				.withMessage("vehicle attributes on a INVERTER device");
		}

		@Test
		void treatsMissingListsAsEmpty() {
			DeviceSnapshot device = new DeviceSnapshot("veh-2", "demo", DeviceType.VEHICLE, null, null, null, null,
					true, null, null, SampleEvents.TS, SampleEvents.TS);
			assertThat(device.tags()).isEmpty();
			assertThat(device.assignedUserIds()).isEmpty();
		}

		@Test
		void rejectsNegativeServiceInterval() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new DeviceSnapshot.VehicleProfile(null, null, null, null, null, null, null, -1, null,
						null, null))
				.withMessage("serviceIntervalKm must be >= 0: -1");
		}

		@Test
		void requiresAClosedPolygonRing() {
			GeoPoint a = new GeoPoint(52.50, 13.40);
			GeoPoint b = new GeoPoint(52.50, 13.41);
			GeoPoint c = new GeoPoint(52.51, 13.41);
			assertThatIllegalArgumentException().isThrownBy(() -> Geometry.polygon(List.of(a, b, c, b)))
				.withMessage("a polygon ring must be closed: its last point must equal the first");
			assertThatIllegalArgumentException().isThrownBy(() -> Geometry.polygon(List.of(a, b, a)))
				.withMessageContaining("needs at least 4 points");
			assertThat(Geometry.polygon(List.of(a, b, c, a)).polygon()).hasSize(4);
		}

		@Test
		void requiresAPositiveCircleRadius() {
			GeoPoint center = new GeoPoint(52.5, 13.4);
			assertThatIllegalArgumentException().isThrownBy(() -> Geometry.circle(center, 0))
				.withMessageContaining("a circle needs a positive radiusM");
			assertThatIllegalArgumentException().isThrownBy(() -> Geometry.circle(center, Double.POSITIVE_INFINITY))
				.withMessageContaining("a circle needs a positive radiusM");
		}

		@Test
		void rejectsPositionsOffTheGlobe() {
			assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(91, 0))
				.withMessage("lat must be within [-90, 90]: 91.0");
			assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(0, Double.NaN))
				.withMessage("lon must be within [-180, 180]: NaN");
		}

	}

	@Nested
	class Rules {

		@Test
		void keyJoinsTenantAndGroup() {
			assertThat(SampleEvents.ruleSettings().key()).isEqualTo("demo:fleet-berlin");
			assertThat(RuleSettings.key("demo", RuleSettings.TENANT_DEFAULTS)).isEqualTo("demo:*");
		}

		@Test
		void rejectsTenantIdContainingTheKeySeparator() {
			assertThatIllegalArgumentException().isThrownBy(() -> new RuleSettings("a:b", "g", null, SampleEvents.TS))
				.withMessageContaining("tenantId must not contain ':'");
		}

		@Test
		void groupSettingsOverrideTenantDefaultsWhichOverridePlatformDefaults() {
			Thresholds group = new Thresholds(80.0, null, null, null, null, null, null, null, null, null, null, null,
					null, null, null, null);
			Thresholds tenant = new Thresholds(100.0, 20, null, null, null, null, null, null, null, null, null, null,
					null, null, 59.5, 60.5);
			Thresholds effective = group.orElse(tenant).orElse(Thresholds.PLATFORM_DEFAULTS);
			assertThat(effective.speedLimitKph()).isEqualTo(80.0);
			assertThat(effective.overspeedMinSeconds()).isEqualTo(20);
			assertThat(effective.harshBrakingMps2()).isEqualTo(3.5);
			assertThat(effective.gridFrequencyMinHz()).isEqualTo(59.5);
			assertThat(effective.gridVoltageMaxV()).isEqualTo(253.0);
		}

		@Test
		void treatsMissingThresholdsAsNoneSet() {
			assertThat(new RuleSettings("demo", "g", null, SampleEvents.TS).thresholds()).isEqualTo(Thresholds.NONE);
		}

		@Test
		void rejectsEmptyBandsAndImpossiblePercentages() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new Thresholds(null, null, null, null, null, null, null, null, null, null, null, null,
						250.0, 210.0, null, null))
				.withMessage("gridVoltage band is empty: min 250.0 > max 210.0");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new Thresholds(null, null, null, null, null, null, null, 120.0, null, null, null,
						null, null, null, null, null))
				.withMessage("fuelMinPct must be within [0, 100]: 120.0");
		}

	}

	@Nested
	class Rollups {

		@Test
		void alignsWindowsToTheResolution() {
			assertThat(Rollup.Resolution.HOUR.windowStart(Instant.parse("2026-11-23T10:15:30.123Z")))
				.isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
			assertThat(Rollup.Resolution.MINUTE.windowStart(Instant.parse("1969-12-31T23:59:30Z")))
				.isEqualTo(Instant.parse("1969-12-31T23:59:00Z"));
		}

		@Test
		void rejectsUnalignedOrMissizedWindows() {
			Instant start = Instant.parse("2026-11-23T10:15:00Z");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> rollup(Rollup.Resolution.HOUR, start, start.plus(Duration.ofHours(1))))
				.withMessageContaining("is not aligned to a PT1H window");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> rollup(Rollup.Resolution.MINUTE, start, start.plusSeconds(59)))
				.withMessageContaining("windowEnd 2026-11-23T10:15:59Z must be windowStart + PT1M");
		}

		@Test
		void mergesStatisticsExactly() {
			Rollup.MetricStats merged = Rollup.MetricStats.of(10)
				.merge(Rollup.MetricStats.of(30))
				.merge(Rollup.MetricStats.of(20));
			assertThat(merged).isEqualTo(new Rollup.MetricStats(3, 10, 30, 60, 20));
			assertThat(merged.mean()).isEqualTo(20.0);
		}

		@Test
		void rejectsInconsistentStatistics() {
			assertThatIllegalArgumentException().isThrownBy(() -> new Rollup.MetricStats(0, 1, 1, 1, 1))
				.withMessage("count must be >= 1: 0");
			assertThatIllegalArgumentException().isThrownBy(() -> new Rollup.MetricStats(2, 5, 1, 6, 1))
				.withMessage("min 5.0 > max 1.0");
		}

		private static Rollup rollup(Rollup.Resolution resolution, Instant start, Instant end) {
			return new Rollup("veh-0001", "demo", resolution, start, end, 1, null, null, null, null, null, null, null,
					null);
		}

	}

	@Nested
	class Others {

		@Test
		void tripDurationSpansStartToEnd() {
			assertThat(SampleEvents.trip().duration()).isEqualTo(Duration.parse("PT2H15M30.123S"));
		}

		@Test
		void rejectsTripEndingBeforeItStarts() {
			Trip trip = SampleEvents.trip();
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new Trip(trip.tripId(), trip.deviceId(), trip.tenantId(), trip.endedAt(),
						trip.startedAt(), null, null, 0, 0, 0, 0, 0, 0, Trip.EndReason.IDLE_GAP, null))
				.withMessageContaining("is before startedAt");
		}

		@Test
		void deadLetterKeepsAtMost64KiBOfThePayloadAndItsSize() {
			byte[] payload = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
			DeadLetter letter = DeadLetter.of(null, null, "ingest-mqtt", "too large", null, SampleEvents.TS, payload);
			assertThat(letter.payload()).hasSize(DeadLetter.MAX_PAYLOAD_CHARS);
			assertThat(letter.payloadBytes()).isEqualTo(100_000);
			assertThat(letter.errors()).isEmpty();
		}

		@Test
		void deadLetterDecodesInvalidUtf8Lossily() {
			DeadLetter letter = DeadLetter.of("veh-1", null, "ingest-mqtt", "not UTF-8", List.of(), SampleEvents.TS,
					new byte[] { 'a', (byte) 0xC0, 'b' });
			assertThat(letter.payload()).isEqualTo("a\uFFFDb");
			assertThat(letter.payloadBytes()).isEqualTo(3);
		}

		@Test
		void auditKeyIsTheTenantOrThePlatform() {
			AuditEvent audit = SampleEvents.audit();
			assertThat(audit.key()).isEqualTo("demo");
			assertThat(new AuditEvent("au-2", null, "operator", "TENANT_CREATED", "acme", AuditEvent.Outcome.SUCCESS,
					SampleEvents.TS, "auth-service", null, null)
				.key()).isEqualTo(AuditEvent.PLATFORM_KEY);
		}

		@Test
		void notificationNeedsAnAlertVersion() {
			NotificationOutcome sample = SampleEvents.notification();
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new NotificationOutcome("n", "a", 0, "t", sample.channel(), "r", sample.status(), 0,
						null, SampleEvents.TS))
				.withMessage("alertVersion must be >= 1: 0");
		}

		@Test
		void logLineNeedsServiceLevelAndMessage() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new LogEvent(SampleEvents.TS, "svc", null, "INFO", null, null, null, null, null, null,
						null, null))
				.withMessage("message is required");
		}

	}

}
