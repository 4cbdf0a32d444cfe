package io.fleetgrid.notification.directory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.fleetgrid.notification.NotificationProperties;
import io.fleetgrid.notification.support.MutableClock;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link UserDirectory} with a stubbed auth-service client.
 */
class UserDirectoryTests {

	private static final TenantUser MANAGER = new TenantUser("u-1", "m@x.test", "M", "FLEET_MANAGER", true, null);

	private final MutableClock clock = new MutableClock();

	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicBoolean down = new AtomicBoolean();

	private final AuthUsersClient client = (tenantId) -> {
		this.calls.incrementAndGet();
		if (this.down.get()) {
			throw new IllegalStateException("auth-service unavailable");
		}
		return List.of(MANAGER);
	};

	private final UserDirectory directory = new UserDirectory(this.client, this.clock, properties());

	@Test
	void cachesATenantsUsersUntilTheTtlExpires() throws Exception {
		assertThat(this.directory.users("t1")).containsExactly(MANAGER);
		assertThat(this.directory.users("t1")).containsExactly(MANAGER);
		assertThat(this.calls).hasValue(1);
		this.clock.advance(Duration.ofSeconds(61));
		this.directory.users("t1");
		assertThat(this.calls).hasValue(2);
	}

	@Test
	void retriesAndThenFailsWhenNothingIsCached() {
		this.down.set(true);
		assertThatExceptionOfType(UserLookupException.class).isThrownBy(() -> this.directory.users("t1"))
			.withMessageContaining("t1");
		assertThat(this.calls).hasValue(3);
	}

	@Test
	void usesTheStaleListWhileAuthServiceIsDown() throws Exception {
		this.directory.users("t1");
		this.down.set(true);
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.directory.users("t1")).containsExactly(MANAGER);
		assertThat(this.directory.user("t1", "u-1")).isEqualTo(MANAGER);
	}

	private static NotificationProperties properties() {
		return new Binder(new MapConfigurationPropertySource(Map.of("fleetgrid.notification.mail-from", "a@x.test")))
			.bindOrCreate("fleetgrid.notification", Bindable.of(NotificationProperties.class));
	}

}
