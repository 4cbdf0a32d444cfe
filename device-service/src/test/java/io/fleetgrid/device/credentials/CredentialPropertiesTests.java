package io.fleetgrid.device.credentials;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class CredentialPropertiesTests {

	@Test
	void refusesToStartWithoutAPepper() {
		assertThatIllegalStateException().isThrownBy(() -> new CredentialProperties(""))
			.withMessageContaining("FLEETGRID_DEVICE_TOKEN_PEPPER");
		assertThatIllegalStateException().isThrownBy(() -> new CredentialProperties(null));
	}

	@Test
	void refusesAShortPepperAndAcceptsTheLocalStacksGeneratedOne() {
		assertThatIllegalStateException().isThrownBy(() -> new CredentialProperties("short-pepper"))
			.withMessageContaining("at least 20");
		assertThatNoException().isThrownBy(() -> new CredentialProperties("q0xR2v1T9aYc8Lk3Jm5Wn7Bz"));
	}

}
