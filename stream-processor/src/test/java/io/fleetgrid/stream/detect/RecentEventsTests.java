package io.fleetgrid.stream.detect;

import java.util.stream.LongStream;

import io.fleetgrid.contracts.serde.JsonSerdes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RecentEventsTests {

	@Test
	void keepsTheNewestIdentitiesOldestFirstAndForgetsTheOldestWhenFull() {
		RecentEvents recent = new RecentEvents();
		for (long id = 1; id <= DeviceMemory.RECENT + 5; id++) {
			recent.add(id * 1_000);
		}

		assertThat(recent.size()).isEqualTo(DeviceMemory.RECENT);
		assertThat(recent.toArray())
			.containsExactly(LongStream.rangeClosed(6, DeviceMemory.RECENT + 5).map((id) -> id * 1_000).toArray());
		assertThat(recent.contains(5_000)).as("forgotten").isFalse();
		assertThat(recent.contains(6_000)).isTrue();
		assertThat(recent.contains((DeviceMemory.RECENT + 5) * 1_000L)).isTrue();
		assertThat(recent.get(0)).isEqualTo(6_000);
	}

	@Test
	void anEmptyRingContainsNothingNotEvenZero() {
		RecentEvents recent = new RecentEvents();

		assertThat(recent.contains(0)).isFalse();
		assertThat(recent.toArray()).isEmpty();
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> recent.get(0));
	}

	@Test
	void isWrittenInJsonAsAnArrayOldestFirstAndReadBack() {
		RecentEvents recent = RecentEvents.of(LongStream.rangeClosed(1, 40).toArray());

		String json = JsonSerdes.mapper().writeValueAsString(recent);

		assertThat(json).startsWith("[9,10,").endsWith(",40]");
		assertThat(JsonSerdes.mapper().readValue(json, RecentEvents.class)).isEqualTo(recent);
	}

}
