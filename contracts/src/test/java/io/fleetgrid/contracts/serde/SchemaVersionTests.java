package io.fleetgrid.contracts.serde;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.topic.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SchemaVersionTests {

	@Test
	void parsesMajorAndMinor() {
		assertThat(SchemaVersion.parse("1.0")).isEqualTo(SchemaVersion.of(1, 0));
		assertThat(SchemaVersion.parse("12.34")).isEqualTo(SchemaVersion.of(12, 34));
		assertThat(SchemaVersion.parse("2")).isEqualTo(SchemaVersion.of(2, 0));
		assertThat(SchemaVersion.of(3, 1)).hasToString("3.1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "1.", ".1", "a.b", "1.0.0", "0.1", "+1.0", "1.-1", "99999999999.0" })
	void rejectsWhatIsNotAVersion(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> SchemaVersion.parse(text));
	}

	@Test
	void ordersByMajorThenMinor() {
		assertThat(SchemaVersion.of(1, 10)).isGreaterThan(SchemaVersion.of(1, 9)).isLessThan(SchemaVersion.of(2, 0));
	}

	@Test
	void readsSameAndOlderMajorVersionsOnly() {
		EventType<AlertEvent> type = new EventType<>("fleetgrid.alert", SchemaVersion.of(2, 3), AlertEvent.class);
		assertThat(type.canRead(SchemaVersion.of(2, 9))).isTrue();
		assertThat(type.canRead(SchemaVersion.of(1, 0))).isTrue();
		assertThat(type.canRead(SchemaVersion.of(3, 0))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "alert", "Fleetgrid.Alert", "io.fleetgrid.contracts.event.AlertEvent.", "fleetgrid..alert",
			"fleetgrid.alert_v1" })
	void rejectsTypeIdsThatAreNotLowerCaseDottedWords(String id) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EventType<>(id, SchemaVersion.of(1, 0), AlertEvent.class));
	}

	@Test
	void everyTopicHasAnEventTypeWithAUniqueId() {
		assertThat(Topics.all())
			.allSatisfy((topic) -> assertThat(EventTypes.forJavaType(topic.valueType())).isNotNull());
		assertThat(EventTypes.all()).extracting(EventType::id).doesNotHaveDuplicates();
		assertThat(EventTypes.all()).extracting(EventType::javaType).doesNotHaveDuplicates();
		assertThat(EventTypes.forId("fleetgrid.alert")).isSameAs(EventTypes.ALERT);
		assertThat(EventTypes.forTopic(Topics.ALERTS)).isSameAs(EventTypes.ALERT);
	}

	@Test
	void refusesClassesThatAreNotEvents() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventTypes.forJavaType(String.class))
			.withMessage("java.lang.String is not a FleetGrid event type");
		assertThatIllegalArgumentException().isThrownBy(() -> EventTypes.forId("fleetgrid.nothing"))
			.withMessage("unknown FleetGrid event type id: fleetgrid.nothing");
	}

}
