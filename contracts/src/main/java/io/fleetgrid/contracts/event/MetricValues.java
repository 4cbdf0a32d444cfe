package io.fleetgrid.contracts.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value types a telemetry metric may carry: a {@link Number} (finite; integers as
 * {@link Long}, decimals as {@link Double} when produced by FleetGrid), a
 * {@link Boolean}, a {@link String}, or a {@code List<String>}.
 */
public final class MetricValues {

	private MetricValues() {
	}

	/**
	 * An immutable, order-preserving copy of a metric map, checking every value's type.
	 * @param metrics metric name to value; null is treated as empty
	 * @return an unmodifiable copy whose list values are unmodifiable too
	 * @throws IllegalArgumentException if a name is blank or a value is null, not finite
	 * or of an unsupported type
	 */
	public static Map<String, Object> copyOf(Map<String, ?> metrics) {
		if (metrics == null || metrics.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, (int) (metrics.size() / 0.75f) + 1));
		for (Map.Entry<String, ?> entry : metrics.entrySet()) {
			String name = entry.getKey();
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("metric names must not be blank");
			}
			copy.put(name, checkedValue(name, entry.getValue()));
		}
		return Collections.unmodifiableMap(copy);
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

}
