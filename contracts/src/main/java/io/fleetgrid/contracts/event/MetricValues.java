package io.fleetgrid.contracts.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The value types a telemetry metric may carry: a {@link Number} (finite; FleetGrid
 * writes integers as {@link Long} and decimals as {@link Double}), a {@link Boolean}, a
 * {@link String}, or a {@code List<String>}; and the immutable, order-preserving metric
 * maps built from them. A map built here is recognised by {@link #copyOf(Map)} and not
 * copied again, so a metric map passes from the validator through {@code TelemetryPoint}
 * into {@link TelemetryEvent} without a copy.
 */
public final class MetricValues {

	private MetricValues() {
	}

	/**
	 * An immutable, order-preserving copy of a metric map, checking every value's type.
	 * @param metrics metric name to value; null is treated as empty
	 * @return an unmodifiable map whose list values are unmodifiable too (the argument
	 * itself if it was built here)
	 * @throws IllegalArgumentException if a name is blank or a value is null, not finite
	 * or of an unsupported type
	 */
	public static Map<String, Object> copyOf(Map<String, ?> metrics) {
		if (metrics instanceof MetricMap built) {
			return built;
		}
		if (metrics == null || metrics.isEmpty()) {
			return Map.of();
		}
		Builder builder = new Builder(metrics.size());
		for (Map.Entry<String, ?> entry : metrics.entrySet()) {
			builder.put(entry.getKey(), entry.getValue());
		}
		return builder.build();
	}

	/**
	 * A builder for a metric map.
	 * @return an empty builder
	 */
	public static Builder builder() {
		return new Builder(8);
	}

	/**
	 * Collects metrics, in insertion order, into an immutable map. Not thread-safe; use
	 * once.
	 */
	public static final class Builder {

		private LinkedHashMap<String, Object> values;

		private Builder(int expectedSize) {
			this.values = new LinkedHashMap<>(Math.max(4, (int) (expectedSize / 0.75f) + 1));
		}

		/**
		 * Adds a metric, replacing an earlier value of the same name.
		 * @param name metric name, not blank
		 * @param value the value
		 * @return this builder
		 * @throws IllegalArgumentException if the name is blank or the value is null, not
		 * finite or of an unsupported type
		 */
		public Builder put(String name, Object value) {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("metric names must not be blank");
			}
			values().put(name, checkedValue(name, value));
			return this;
		}

		/**
		 * Whether a metric was added.
		 * @param name metric name
		 * @return true if present
		 */
		public boolean contains(String name) {
			return values().containsKey(name);
		}

		/**
		 * The immutable map of the metrics added; the builder cannot be used afterwards.
		 * @return the metrics in insertion order
		 */
		public Map<String, Object> build() {
			Map<String, Object> built = values().isEmpty() ? Map.of() : new MetricMap(this.values);
			this.values = null;
			return built;
		}

		private LinkedHashMap<String, Object> values() {
			if (this.values == null) {
				throw new IllegalStateException("build() was already called");
			}
			return this.values;
		}

	}

	private static Object checkedValue(String name, Object value) {
		if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Integer) {
			return value;
		}
		if (value instanceof Double || value instanceof Float) {
			if (!Double.isFinite(((Number) value).doubleValue())) {
				throw new IllegalArgumentException("metric " + name + " must be finite: " + value);
			}
			return value;
		}
		if (value instanceof Short || value instanceof Byte || value instanceof BigInteger
				|| value instanceof BigDecimal) {
			return value;
		}
		if (value instanceof List<?> list) {
			for (Object item : list) {
				if (!(item instanceof String)) {
					throw new IllegalArgumentException("metric " + name + " is a list and must hold only text, found "
							+ ((item != null) ? item.getClass().getSimpleName() : "null"));
				}
			}
			@SuppressWarnings("unchecked")
			List<String> strings = (List<String>) list;
			return List.copyOf(strings);
		}
		throw new IllegalArgumentException("metric " + name + " must be a number, boolean, text or list of text, found "
				+ ((value != null) ? value.getClass().getSimpleName() : "null"));
	}

	/**
	 * An unmodifiable view of a map that no one else references.
	 */
	private static final class MetricMap extends AbstractMap<String, Object> {

		private final Map<String, Object> view;

		MetricMap(LinkedHashMap<String, Object> owned) {
			this.view = Collections.unmodifiableMap(owned);
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return this.view.entrySet();
		}

		@Override
		public Set<String> keySet() {
			return this.view.keySet();
		}

		@Override
		public Collection<Object> values() {
			return this.view.values();
		}

		@Override
		public int size() {
			return this.view.size();
		}

		@Override
		public boolean isEmpty() {
			return this.view.isEmpty();
		}

		@Override
		public boolean containsKey(Object key) {
			return this.view.containsKey(key);
		}

		@Override
		public Object get(Object key) {
			return this.view.get(key);
		}

		@Override
		public void forEach(BiConsumer<? super String, ? super Object> action) {
			this.view.forEach(action);
		}

	}

}
