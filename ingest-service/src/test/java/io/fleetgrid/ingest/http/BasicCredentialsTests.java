package io.fleetgrid.ingest.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.fleetgrid.ingest.problem.IngestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BasicCredentialsTests {

	@Test
	void splitsAtTheFirstColonSoTokensMayContainColons() {
		String header = "basic " + Base64.getEncoder().encodeToString("veh-1:a:b".getBytes(StandardCharsets.UTF_8));
		assertThat(BasicCredentials.parse(header)).isEqualTo(new BasicCredentials("veh-1", "a:b"));
	}

	@Test
	void refusesMissingOrMalformedHeadersWith401() {
		for (String header : new String[] { null, "Bearer x", "Basic !!!",
				"Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)) }) {
			assertThatExceptionOfType(IngestException.class).isThrownBy(() -> BasicCredentials.parse(header))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401));
		}
	}

}
