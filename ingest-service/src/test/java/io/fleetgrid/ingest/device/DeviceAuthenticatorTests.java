package io.fleetgrid.ingest.device;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import feign.FeignException;
import feign.Request;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.ingest.problem.IngestException;
import io.fleetgrid.security.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeviceAuthenticatorTests {

	private final StubClient client = new StubClient();

	private final AtomicBoolean suspended = new AtomicBoolean();

	private final TenantDirectory tenants = new TenantDirectory() {

		@Override
		public java.util.Optional<io.fleetgrid.contracts.event.TenantSnapshot> find(String tenantId) {
			return java.util.Optional.empty();
		}

		@Override
		public boolean isSuspended(String tenantId) {
			return DeviceAuthenticatorTests.this.suspended.get();
		}

	};

	private final DeviceAuthenticator authenticator = new DeviceAuthenticator(this.client, this.tenants,
			new DeviceAuthProperties("", 100, Duration.ofMinutes(5), 2, Duration.ofMillis(1), 50, 20,
					Duration.ofSeconds(10), Duration.ofSeconds(5)));

	@Test
	void verifiesOnceAndThenServesTheDeviceFromTheCache() {
		this.client.devices.put("veh-1", new Entry("secret", true));
		assertThat(this.authenticator.authenticate("veh-1", "secret").tenantId()).isEqualTo("t1");
		assertThat(this.authenticator.authenticate("veh-1", "secret").type()).isEqualTo(DeviceType.VEHICLE);
		assertThat(this.client.calls).hasValue(1);
	}

	@Test
	void refusesAWrongTokenWith401EvenWhenTheRightOneIsCached() {
		this.client.devices.put("veh-1", new Entry("secret", true));
		this.authenticator.authenticate("veh-1", "secret");
		assertThatExceptionOfType(IngestException.class)
			.isThrownBy(() -> this.authenticator.authenticate("veh-1", "guess"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401));
	}

	@Test
	void keepsCachedDevicesFlowingWhileDeviceServiceIsDownButAnswers503ForUnknownOnes() {
		this.client.devices.put("veh-1", new Entry("secret", true));
		this.authenticator.authenticate("veh-1", "secret");
		this.client.down.set(true);
		assertThat(this.authenticator.authenticate("veh-1", "secret").deviceId()).isEqualTo("veh-1");
		assertThatExceptionOfType(IngestException.class)
			.isThrownBy(() -> this.authenticator.authenticate("veh-2", "other"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(503);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(5));
			});
	}

	@Test
	void retriesAFailedCallButNotA401() {
		this.client.down.set(true);
		assertThatExceptionOfType(IngestException.class)
			.isThrownBy(() -> this.authenticator.authenticate("veh-9", "x"));
		assertThat(this.client.calls).hasValue(2);
		this.client.down.set(false);
		this.client.calls.set(0);
		assertThatExceptionOfType(IngestException.class)
			.isThrownBy(() -> this.authenticator.authenticate("veh-9", "x"));
		assertThat(this.client.calls).hasValue(1);
	}

	@Test
	void asksAgainAfterInvalidation() {
		this.client.devices.put("veh-1", new Entry("secret", true));
		this.authenticator.authenticate("veh-1", "secret");
		this.client.devices.put("veh-1", new Entry("secret", false));
		this.authenticator.invalidate("veh-1");
		assertThatExceptionOfType(IngestException.class)
			.isThrownBy(() -> this.authenticator.authenticate("veh-1", "secret"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(403));
	}

	@Test
	void refusesDevicesOfASuspendedTenantWith403() {
		this.client.devices.put("veh-1", new Entry("secret", true));
		this.suspended.set(true);
		assertThatExceptionOfType(IngestException.class)
			.isThrownBy(() -> this.authenticator.authenticate("veh-1", "secret"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(403));
	}

	private record Entry(String token, boolean active) {

	}

	private static final class StubClient implements DeviceCredentialsClient {

		private final Map<String, Entry> devices = new HashMap<>();

		private final AtomicBoolean down = new AtomicBoolean();

		private final AtomicInteger calls = new AtomicInteger();

		@Override
		public VerifiedDevice verify(CredentialCheck check) {
			this.calls.incrementAndGet();
			Request request = Request.create(Request.HttpMethod.POST, "/internal/v1/credentials/verify", Map.of(), null,
					null, null);
			if (this.down.get()) {
				throw new FeignException.InternalServerError("down", request, null, Map.of());
			}
			Entry entry = this.devices.get(check.deviceId());
			if (entry == null || !entry.token().equals(check.token())) {
				throw new FeignException.Unauthorized("no", request, null, Map.of());
			}
			return new VerifiedDevice(check.deviceId(), "t1", DeviceType.VEHICLE, entry.active());
		}

	}

}
