package io.fleetgrid.contracts.serde;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import io.fleetgrid.contracts.topic.TopicSpec;

/**
 * Kafka serializers, deserializers and serdes for the contract's topics, as plain
 * instances that work with the Kafka clients ({@code new KafkaProducer<>(props,
 * keySerializer, valueSerializer)}), spring-kafka ({@code DefaultKafkaProducerFactory} /
 * {@code DefaultKafkaConsumerFactory} constructors, optionally wrapped in an
 * {@code ErrorHandlingDeserializer}) and Kafka Streams ({@code Consumed.with(...)},
 * {@code Produced.with(...)}, {@code Materialized.with(...)}).
 *
 * <pre>{@code
 * Serde<AlertEvent> alerts = JsonSerdes.valueSerde(Topics.ALERTS);
 * Deserializer<MyAlertView> view = JsonSerdes.valueDeserializer(Topics.ALERTS, MyAlertView.class);
 * }</pre>
 */
public final class JsonSerdes {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.enable(DeserializationFeature.USE_LONG_FOR_INTS)
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private JsonSerdes() {
	}

	/**
	 * The JSON mapper used for every FleetGrid event: unknown properties ignored, absent
	 * values omitted (never written as {@code null}), instants and dates as ISO-8601
	 * text, integers read as {@link Long} where the target is untyped, a null for a
	 * primitive field rejected.
	 * @return the shared, immutable mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * The serde of a topic's keys.
	 * @param <K> key type
	 * @param topic the topic
	 * @return the key serde (all FleetGrid keys are UTF-8 strings)
	 */
	public static <K> Serde<K> keySerde(TopicSpec<K, ?> topic) {
		return Serdes.serdeFrom(topic.keyType());
	}

	/**
	 * The serializer of a topic's keys.
	 * @param <K> key type
	 * @param topic the topic
	 * @return the key serializer
	 */
	public static <K> Serializer<K> keySerializer(TopicSpec<K, ?> topic) {
		return keySerde(topic).serializer();
	}

	/**
	 * The deserializer of a topic's keys.
	 * @param <K> key type
	 * @param topic the topic
	 * @return the key deserializer
	 */
	public static <K> Deserializer<K> keyDeserializer(TopicSpec<K, ?> topic) {
		return keySerde(topic).deserializer();
	}

	/**
	 * The serde of a topic's values, as the contract's record.
	 * @param <V> value type
	 * @param topic the topic
	 * @return the value serde
	 */
	public static <V> Serde<V> valueSerde(TopicSpec<?, V> topic) {
		return serde(EventTypes.forTopic(topic));
	}

	/**
	 * A serde that reads a topic's values into the consumer's own record. Its serializer
	 * writes that record with the topic's type headers; use it for reading (and for Kafka
	 * Streams state stores and repartition topics), never to produce to a contract topic
	 * with a partial record.
	 * @param <T> the consumer's record type
	 * @param topic the topic
	 * @param targetType the consumer's record
	 * @return the value serde
	 */
	public static <T> Serde<T> valueSerde(TopicSpec<?, ?> topic, Class<T> targetType) {
		return serde(EventTypes.forJavaType(topic.valueType()), targetType);
	}

	/**
	 * The serializer of a topic's values.
	 * @param <V> value type
	 * @param topic the topic
	 * @return the value serializer
	 */
	public static <V> Serializer<V> valueSerializer(TopicSpec<?, V> topic) {
		EventType<V> type = EventTypes.forTopic(topic);
		return new EventSerializer<>(type, type.javaType(), MAPPER);
	}

	/**
	 * The deserializer of a topic's values, as the contract's record.
	 * @param <V> value type
	 * @param topic the topic
	 * @return the value deserializer
	 */
	public static <V> Deserializer<V> valueDeserializer(TopicSpec<?, V> topic) {
		EventType<V> type = EventTypes.forTopic(topic);
		return new EventDeserializer<>(type, type.javaType(), MAPPER);
	}

	/**
	 * A deserializer that reads a topic's values into the consumer's own record, which
	 * declares only the fields it needs.
	 * @param <T> the consumer's record type
	 * @param topic the topic
	 * @param targetType the consumer's record
	 * @return the value deserializer
	 */
	public static <T> Deserializer<T> valueDeserializer(TopicSpec<?, ?> topic, Class<T> targetType) {
		return new EventDeserializer<>(EventTypes.forJavaType(topic.valueType()), targetType, MAPPER);
	}

	/**
	 * The serde of an event type, for topics outside the catalogue (for example Kafka
	 * Streams internal topics).
	 * @param <V> value type
	 * @param type the event type
	 * @return the serde
	 */
	public static <V> Serde<V> serde(EventType<V> type) {
		return serde(type, type.javaType());
	}

	/**
	 * A serde for values of an event type read into (and written from) another record.
	 * @param <T> the record type
	 * @param type the event type
	 * @param targetType the record
	 * @return the serde
	 */
	public static <T> Serde<T> serde(EventType<?> type, Class<T> targetType) {
		return Serdes.serdeFrom(new EventSerializer<>(type, targetType, MAPPER),
				new EventDeserializer<>(type, targetType, MAPPER));
	}

}
