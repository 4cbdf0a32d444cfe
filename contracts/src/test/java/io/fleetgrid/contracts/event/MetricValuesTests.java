package io.fleetgrid.contracts.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MetricValuesTests {

	@Test
	void buildsAnImmutableMapInInsertionOrder() {
		Map<String, Object> metrics = MetricValues.builder()
			.put("z", 1L)
			.put("a", 2.5)
			.put("m", new ArrayList<>(List.of("x")))
			.build();
		assertThat(metrics).containsExactly(Map.entry("z", 1L), Map.entry("a", 2.5), Map.entry("m", List.of("x")));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> metrics.put("b", 1L));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> metrics.entrySet().clear());
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> metrics.entrySet().iterator().next().setValue(3L));
	}

	@Test
	void doesNotCopyAMapItBuiltButCopiesAnyOther() {
		Map<String, Object> built = MetricValues.builder().put("speedKph", 1L).build();
		assertThat(MetricValues.copyOf(built)).isSameAs(built);
		Map<String, Object> plain = new LinkedHashMap<>(Map.of("speedKph", 1L));
		Map<String, Object> copy = MetricValues.copyOf(plain);
		assertThat(copy).isNotSameAs(plain).isEqualTo(plain);
		assertThat(MetricValues.copyOf(copy)).isSameAs(copy);
	}

	@Test
	void passesTheValidatedMapIntoTheEventWithoutCopying() {
		Map<String, Object> built = MetricValues.builder().put("speedKph", 1L).build();
		TelemetryEvent event = new TelemetryEvent("veh-1", "demo", DeviceType.VEHICLE, SampleEvents.TS, null,
				SampleEvents.RECEIVED, built);
		assertThat(event.metrics()).isSameAs(built);
	}

	@Test
	void equalsOrdinaryMapsWithTheSameEntries() {
		Map<String, Object> built = MetricValues.builder().put("a", 1L).put("b", true).build();
		Map<String, Object> plain = Map.of("b", true, "a", 1L);
		assertThat(built).isEqualTo(plain);
		assertThat(plain).isEqualTo(built);
		assertThat(built.hashCode()).isEqualTo(plain.hashCode());
		assertThat(built).hasToString("{a=1, b=true}");
	}

	@Test
	void refusesToBeUsedAfterBuilding() {
		MetricValues.Builder builder = MetricValues.builder().put("a", 1L);
		builder.build();
		assertThatIllegalStateException().isThrownBy(() -> builder.put("b", 2L));
	}

	@Test
	void checksNamesAndValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> MetricValues.builder().put(" ", 1L))
			.withMessage("metric names must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> MetricValues.builder().put("x", Float.NaN))
			.withMessage("metric x must be finite: NaN");
		assertThatIllegalArgumentException().isThrownBy(() -> MetricValues.builder().put("x", new Object()))
			.withMessageContaining("must be a number, boolean, text or list of text, found Object");
	}

	@Test
	void givesAnEmptyMapForNothing() {
		assertThat(MetricValues.copyOf(null)).isEmpty();
		assertThat(MetricValues.builder().build()).isEmpty();
	}

}
