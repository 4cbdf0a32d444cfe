package io.fleetgrid.notification.email;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fleetgrid.notification.NotificationProperties;
import io.fleetgrid.notification.support.MutableClock;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AckTokensTests {

	private final MutableClock clock = new MutableClock();

	private final AckTokens tokens = new AckTokens(properties("a-secret-of-enough-length"), this.clock);

	@Test
	void issuedTokenVerifiesWithItsClaims() throws Exception {
		AckTokens.Claims claims = this.tokens.verify(this.tokens.issue("t1", "al-1", "u-1"));
		assertThat(claims.tenantId()).isEqualTo("t1");
		assertThat(claims.alertId()).isEqualTo("al-1");
		assertThat(claims.userId()).isEqualTo("u-1");
	}

	@Test
	void rejectsAnExpiredToken() {
		String token = this.tokens.issue("t1", "al-1", "u-1");
		this.clock.advance(Duration.ofHours(73));
		assertThatExceptionOfType(AckTokens.InvalidTokenException.class).isThrownBy(() -> this.tokens.verify(token))
			.withMessageContaining("expired");
	}

	@Test
	void rejectsATokenSignedWithAnotherKeyOrAlteredPayload() {
		String foreign = new AckTokens(properties("another-secret-of-length"), this.clock).issue("t1", "al-1", "u-1");
		assertThatExceptionOfType(AckTokens.InvalidTokenException.class).isThrownBy(() -> this.tokens.verify(foreign));
		String token = this.tokens.issue("t1", "al-1", "u-1");
		String altered = "x" + token.substring(1);
		assertThatExceptionOfType(AckTokens.InvalidTokenException.class).isThrownBy(() -> this.tokens.verify(altered));
	}

	private static NotificationProperties properties(String secret) {
		return new Binder(new MapConfigurationPropertySource(Map.of("fleetgrid.notification.ack.secret", secret)))
			.bindOrCreate("fleetgrid.notification", Bindable.of(NotificationProperties.class));
	}

}
