package io.fleetgrid.log.index;

import java.time.Instant;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.log.TestEvents;
import io.fleetgrid.log.index.Documents.AlertDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertDocumentTests {

	@Test
	void anAcknowledgementAndTheProcessorsStepOfTheSameVersionAreTwoDocuments() {
		AlertEvent raised = TestEvents.alert("al-1", "t", "veh-1", "Speed 112 km/h");
		AlertEvent acknowledged = raised.acknowledge("u-1", Instant.now(), null);
		AlertEvent cleared = raised.next(Status.CLEARED, Instant.now(), Instant.now(), "back under the limit", null);

		assertThat(acknowledged.version()).isEqualTo(cleared.version());
		assertThat(AlertDocument.of(acknowledged).docId()).isEqualTo("al-1:2:ACKNOWLEDGED")
			.isNotEqualTo(AlertDocument.of(cleared).docId());
		assertThat(AlertDocument.of(raised).docId()).isEqualTo(AlertDocument.of(raised).docId());
	}

}
