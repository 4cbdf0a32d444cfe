package io.fleetgrid.device.credentials;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenHasherTests {

	private final TokenHasher hasher = new TokenHasher("a-pepper-of-at-least-thirty-two-characters");

	@Test
	void tokensAreUrlSafeAndCarry256RandomBits() {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String token = this.hasher.newToken();
			assertThat(token).matches("[A-Za-z0-9_-]{43}");
			assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
			tokens.add(token);
		}
		assertThat(tokens).hasSize(1000);
	}

	@Test
	void matchesOnlyTheSameTokenForTheSameDevice() {
		String token = this.hasher.newToken();
		byte[] stored = this.hasher.hash("veh-1", token);

		assertThat(this.hasher.matches("veh-1", token, stored)).isTrue();
		assertThat(this.hasher.matches("veh-2", token, stored)).isFalse();
		assertThat(this.hasher.matches("veh-1", this.hasher.newToken(), stored)).isFalse();
		assertThat(this.hasher.matches("veh-1", token, null)).isFalse();
	}

	@Test
	void theHashDependsOnThePepper() {
		TokenHasher other = new TokenHasher("another-pepper-of-at-least-thirty-two-chars");
		String token = this.hasher.newToken();

		assertThat(other.hash("veh-1", token)).isNotEqualTo(this.hasher.hash("veh-1", token));
	}

}
