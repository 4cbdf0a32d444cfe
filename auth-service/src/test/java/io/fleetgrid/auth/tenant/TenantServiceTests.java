package io.fleetgrid.auth.tenant;

import io.fleetgrid.auth.web.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TenantServiceTests {

	@Test
	void derivesTenantIdFromTheName() {
		assertThat(TenantService.slug("  ACME Logistics GmbH & Co. ")).isEqualTo("acme-logistics-gmbh-co");
	}

	@Test
	void refusesNameWithoutLettersOrDigits() {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> TenantService.slug("!!"));
	}

}
