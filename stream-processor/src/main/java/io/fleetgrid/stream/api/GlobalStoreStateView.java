package io.fleetgrid.stream.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.stream.topology.FleetGridTopology;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads the global {@value FleetGridTopology#STATE_VIEW_STORE} store, a materialised view
 * of {@code fleetgrid.device-state.v1} that every instance holds completely: any instance
 * answers for any device without forwarding the request to the instance that owns the
 * device's partition, and queries keep working during a rebalance. The view lags the
 * processing by about one commit interval.
 */
@Component
class GlobalStoreStateView implements DeviceStateView {

	private static final Logger LOGGER = LoggerFactory.getLogger(GlobalStoreStateView.class);

	private static final Deserializer<DeviceState> DESERIALIZER = JsonSerdes.valueDeserializer(Topics.DEVICE_STATE);

	private final StreamsBuilderFactoryBean streams;

	GlobalStoreStateView(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	@Override
	public Optional<DeviceState> find(String deviceId) {
		return read((store) -> Optional.ofNullable(state(deviceId, store.get(deviceId))));
	}

	@Override
	public List<DeviceState> findAll(List<String> deviceIds) {
		return read((store) -> {
			List<DeviceState> states = new ArrayList<>(deviceIds.size());
			for (String deviceId : deviceIds) {
				DeviceState state = state(deviceId, store.get(deviceId));
				if (state != null) {
					states.add(state);
				}
			}
			return states;
		});
	}

	/**
	 * Reads a state the view holds as JSON; one that does not read (never written by this
	 * service) counts as unknown.
	 */
	private static DeviceState state(String deviceId, byte[] json) {
		if (json == null) {
			return null;
		}
		try {
			return DESERIALIZER.deserialize(Topics.DEVICE_STATE.name(), json);
		}
		catch (SerializationException ex) {
			LOGGER.warn("Unreadable state of device {} in the view: {}", deviceId, ex.getMessage());
			return null;
		}
	}

	private <T> T read(Function<ReadOnlyKeyValueStore<String, byte[]>, T> query) {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			throw new StateUnavailableException("the stream processor is not running", null);
		}
		try {
			ReadOnlyKeyValueStore<String, byte[]> store = kafkaStreams.store(StoreQueryParameters
				.fromNameAndType(FleetGridTopology.STATE_VIEW_STORE, QueryableStoreTypes.keyValueStore()));
			return query.apply(store);
		}
		catch (InvalidStateStoreException ex) {
			throw new StateUnavailableException("device states are not queryable yet: " + ex.getMessage(), ex);
		}
	}

}
