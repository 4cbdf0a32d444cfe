package io.fleetgrid.device.history;

import java.time.Clock;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.Trip;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the stream-processor's alerts, trips and rollups into the history tables.
 * Values arrive as bytes and are read here with the contract deserializer, so a record
 * that does not parse fails in the listener and the error handler dead-letters it
 * ({@link HistoryKafkaConfiguration}) instead of blocking the partition. Tombstones are
 * ignored. Upserts make replays and duplicates harmless.
 */
@Component
class HistoryListener {

	private final HistoryRepository history;

	private final Clock clock;

	HistoryListener(HistoryRepository history, Clock clock) {
		this.history = history;
		this.clock = clock;
	}

	@KafkaListener(id = "device-history-alerts", topics = "fleetgrid.alerts.v1", groupId = "device-service-history")
	void alert(ConsumerRecord<String, byte[]> record) {
		AlertEvent event = read(Topics.ALERTS, record);
		if (event != null) {
			this.history.upsertAlert(event);
		}
	}

	@KafkaListener(id = "device-history-trips", topics = "fleetgrid.trips.v1", groupId = "device-service-history")
	void trip(ConsumerRecord<String, byte[]> record) {
		Trip trip = read(Topics.TRIPS, record);
		if (trip != null) {
			this.history.upsertTrip(trip);
		}
	}

	@KafkaListener(id = "device-history-rollups", topics = "fleetgrid.rollups.v1", groupId = "device-service-history")
	void rollup(ConsumerRecord<String, byte[]> record) {
		Rollup rollup = read(Topics.ROLLUPS, record);
		if (rollup != null) {
			this.history.upsertRollup(rollup);
			if (rollup.resolution() == Rollup.Resolution.MINUTE) {
				this.history.touchLastSeen(rollup, this.clock.instant());
			}
		}
	}

	private static <V> V read(TopicSpec<String, V> topic, ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return null;
		}
		return JsonSerdes.valueDeserializer(topic).deserialize(record.topic(), record.headers(), record.value());
	}

}
