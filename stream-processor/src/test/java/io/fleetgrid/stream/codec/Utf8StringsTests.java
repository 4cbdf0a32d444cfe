package io.fleetgrid.stream.codec;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Utf8StringsTests {

	@Test
	void aNameDecodedAgainIsTheSameInstance() {
		byte[] first = "xxcoolantTempCyy".getBytes(StandardCharsets.UTF_8);
		byte[] second = "coolantTempC".getBytes(StandardCharsets.UTF_8);
		String decoded = Utf8Strings.decode(first, 2, 12);
		assertThat(decoded).isEqualTo("coolantTempC");
		assertThat(Utf8Strings.decode(second, 0, second.length)).isSameAs(decoded);
	}

	@Test
	void everyStringComesBackEqualWhateverSharesItsSlot() {
		// far more distinct strings than slots: collisions replace entries, never mix
		// them up
		Map<String, String> seen = new HashMap<>();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 20_000; i++) {
				String text = "tenant-" + i + ((i % 7 == 0) ? "-Zürich-√" : "");
				byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
				String decoded = Utf8Strings.decode(utf8, 0, utf8.length);
				assertThat(decoded).isEqualTo(text);
				seen.put(text, decoded);
			}
		}
		assertThat(seen).hasSize(20_000);
	}

	@Test
	void emptyAndLongStringsAreDecodedToo() {
		assertThat(Utf8Strings.decode(new byte[0], 0, 0)).isEmpty();
		String message = "x".repeat(Utf8Strings.MAX_CACHED + 1);
		byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
		String decoded = Utf8Strings.decode(utf8, 0, utf8.length);
		assertThat(decoded).isEqualTo(message);
		assertThat(Utf8Strings.decode(utf8, 0, utf8.length)).as("not cached").isNotSameAs(decoded).isEqualTo(message);
	}

	@Test
	void aStringReadThroughTheInputIsCheckedForTheBytesLeft() throws Exception {
		ByteArrayDataInput in = new ByteArrayDataInput("fuelLevelPct".getBytes(StandardCharsets.UTF_8));
		assertThat(in.readUtf8(4)).isEqualTo("fuel");
		assertThat(in.readUtf8(8)).isEqualTo("LevelPct");
		assertThatExceptionOfType(EOFException.class).isThrownBy(() -> in.readUtf8(1));
	}

}
