package io.fleetgrid.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import io.fleetgrid.notification.NotificationProperties;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThat;

class SsrfGuardTests {

	@Test
	void refusesLoopbackPrivateAndLinkLocalTargetsInProduction() {
		SsrfGuard guard = guard(false);
		for (String url : new String[] { "http://127.0.0.1/x", "http://localhost:8080/x", "http://10.1.2.3/",
				"http://192.168.0.10/", "http://172.16.5.5/", "http://169.254.169.254/latest/meta-data",
				"http://[::1]/", "http://[fd00::1]/", "http://0.0.0.0/" }) {
			assertThatExceptionOfType(SsrfGuard.UnsafeTargetException.class).as(url).isThrownBy(() -> guard.check(url));
		}
	}

	@Test
	void refusesOtherSchemesAndUserInfo() {
		SsrfGuard guard = guard(true);
		assertThatExceptionOfType(SsrfGuard.UnsafeTargetException.class).isThrownBy(() -> guard.check("ftp://x.test/"));
		assertThatExceptionOfType(SsrfGuard.UnsafeTargetException.class)
			.isThrownBy(() -> guard.check("http://user:pw@x.test/"));
	}

	@Test
	void allowsLoopbackWhenPrivateTargetsAreAllowed() {
		assertThatCode(() -> guard(true).check("http://127.0.0.1:9999/hook")).doesNotThrowAnyException();
	}

	@Test
	void classifiesPublicAddressesAsExternal() throws UnknownHostException {
		assertThat(SsrfGuard.isInternal(InetAddress.getByName("93.184.216.34"))).isFalse();
		assertThat(SsrfGuard.isInternal(InetAddress.getByName("100.64.0.1"))).isTrue();
		assertThat(URI.create("https://93.184.216.34/").getHost()).isNotNull();
	}

	private static SsrfGuard guard(boolean allowPrivate) {
		NotificationProperties properties = new Binder(new MapConfigurationPropertySource(java.util.Map
			.of("fleetgrid.notification.webhooks.allow-private-targets", Boolean.toString(allowPrivate))))
			.bindOrCreate("fleetgrid.notification", Bindable.of(NotificationProperties.class));
		return new SsrfGuard(properties);
	}

}
