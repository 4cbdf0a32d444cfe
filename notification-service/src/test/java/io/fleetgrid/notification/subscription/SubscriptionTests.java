package io.fleetgrid.notification.subscription;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.notification.directory.DeviceInfo;
import io.fleetgrid.notification.directory.TenantUser;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionTests {

	private static final TenantUser MANAGER = new TenantUser("u-m", "m@x.test", "M", "FLEET_MANAGER", true,
			"Europe/Berlin");

	private static final TenantUser USER = new TenantUser("u-u", "u@x.test", "U", "USER", true, null);

	@Test
	void managerDefaultTakesWarningAndAboveByEmailAndWeb() {
		Subscription defaults = DefaultSubscriptions.forUser("t", "u-m", true).get(0);
		assertThat(defaults.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.WEB);
		assertThat(defaults.matches(alert(Severity.WARNING, "veh-1"), null, MANAGER)).isTrue();
		assertThat(defaults.matches(alert(Severity.INFO, "veh-1"), null, MANAGER)).isFalse();
	}

	@Test
	void userDefaultTakesOnlyAssignedDevicesOnTheWeb() {
		Subscription defaults = DefaultSubscriptions.forUser("t", "u-u", false).get(0);
		DeviceInfo assigned = new DeviceInfo("t", "veh-1", "g", Set.of("u-u"));
		DeviceInfo other = new DeviceInfo("t", "veh-2", "g", Set.of("u-x"));
		assertThat(defaults.channels()).containsExactly(Channel.WEB);
		assertThat(defaults.matches(alert(Severity.INFO, "veh-1"), assigned, USER)).isTrue();
		assertThat(defaults.matches(alert(Severity.CRITICAL, "veh-2"), other, USER)).isFalse();
		assertThat(defaults.matches(alert(Severity.CRITICAL, "veh-3"), null, USER)).isFalse();
	}

	@Test
	void filtersByTypeGroupAndDevice() {
		Subscription s = new Subscription("s", "t", "u-m", "n", Set.of(Channel.EMAIL), Severity.INFO,
				Set.of("LOW_FUEL"), Set.of("g-1"), Set.of(), null, null, null, true, Instant.EPOCH, Instant.EPOCH);
		DeviceInfo inGroup = new DeviceInfo("t", "veh-1", "g-1", Set.of());
		DeviceInfo otherGroup = new DeviceInfo("t", "veh-1", "g-2", Set.of());
		assertThat(s.matches(alert(Severity.INFO, "veh-1"), inGroup, MANAGER)).isTrue();
		assertThat(s.matches(alert(Severity.INFO, "veh-1"), otherGroup, MANAGER)).isFalse();
		AlertEvent overspeed = new AlertEvent("a", "t", "veh-1", null, AlertType.OVERSPEED, Severity.INFO,
				Status.RAISED, null, Instant.EPOCH, null, Instant.EPOCH, 1, null, null, null);
		assertThat(s.matches(overspeed, inGroup, MANAGER)).isFalse();
	}

	@Test
	void quietHoursWrapMidnightInTheUsersZone() {
		Subscription s = new Subscription("s", "t", "u-m", "n", Set.of(Channel.EMAIL), Severity.INFO, Set.of(),
				Set.of(), Set.of(), LocalTime.of(22, 0), LocalTime.of(7, 0), null, true, Instant.EPOCH, Instant.EPOCH);
		// 21:30 UTC is 22:30 in Berlin in winter.
		Instant lateEvening = ZonedDateTime.parse("2026-11-23T21:30:00Z").toInstant();
		Instant morning = ZonedDateTime.parse("2026-11-24T06:30:00Z").toInstant();
		assertThat(s.isQuiet(lateEvening, MANAGER)).isTrue();
		assertThat(s.quietEndsAfter(lateEvening, MANAGER)).isEqualTo(Instant.parse("2026-11-24T06:00:00Z"));
		assertThat(s.isQuiet(morning, MANAGER)).isFalse();
		assertThat(s.isQuiet(lateEvening, USER)).as("21:30 UTC for a user without a zone").isFalse();
	}

	private static AlertEvent alert(Severity severity, String deviceId) {
		return new AlertEvent("a", "t", deviceId, null, AlertType.LOW_FUEL, severity, Status.RAISED, null,
				Instant.EPOCH, null, Instant.EPOCH, 1, null, null, null);
	}

}
