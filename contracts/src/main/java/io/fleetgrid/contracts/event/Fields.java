package io.fleetgrid.contracts.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and defensive copies shared by the event records' compact constructors.
 */
final class Fields {

	private Fields() {
	}

	static <T> T required(T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " is required");
		}
		return value;
	}

	static String requiredText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required and must not be blank");
		}
		return value;
	}

	static double finite(double value, String name) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException(name + " must be finite: " + value);
		}
		return value;
	}

	static double nonNegative(double value, String name) {
		if (!(value >= 0) || Double.isInfinite(value)) {
			throw new IllegalArgumentException(name + " must be a finite number >= 0: " + value);
		}
		return value;
	}

	static Double nonNegative(Double value, String name) {
		return (value != null) ? nonNegative(value.doubleValue(), name) : null;
	}

	static Integer nonNegative(Integer value, String name) {
		if (value != null && value < 0) {
			throw new IllegalArgumentException(name + " must be >= 0: " + value);
		}
		return value;
	}

	static long nonNegative(long value, String name) {
		if (value < 0) {
			throw new IllegalArgumentException(name + " must be >= 0: " + value);
		}
		return value;
	}

	static Double finite(Double value, String name) {
		return (value != null) ? finite(value.doubleValue(), name) : null;
	}

	/**
	 * An immutable copy of a list whose elements must not be null; null becomes an empty
	 * list.
	 */
	static <T> List<T> list(List<T> values, String name) {
		if (values == null) {
			return List.of();
		}
		for (T value : values) {
			if (value == null) {
				throw new IllegalArgumentException(name + " must not contain null");
			}
		}
		return List.copyOf(values);
	}

	/**
	 * A deep, immutable, order-preserving copy of a JSON-like map (values: null, strings,
	 * numbers, booleans, lists and maps of those); null becomes an empty map.
	 */
	static Map<String, Object> jsonObject(Map<String, ?> values, String name) {
		if (values == null || values.isEmpty()) {
			return Map.of();
		}
		return copyObject(values, name);
	}

	private static Map<String, Object> copyObject(Map<?, ?> values, String path) {
		Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, values.size() * 2));
		for (Map.Entry<?, ?> entry : values.entrySet()) {
			if (!(entry.getKey() instanceof String key)) {
				throw new IllegalArgumentException(path + " must have text keys, found " + entry.getKey());
			}
			copy.put(key, copyValue(entry.getValue(), path + "." + key));
		}
		return Collections.unmodifiableMap(copy);
	}

	private static Object copyValue(Object value, String path) {
		if (value == null || value instanceof String || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Number number) {
			if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
				throw new IllegalArgumentException(path + " must be a finite number: " + number);
			}
			return number;
		}
		if (value instanceof Map<?, ?> map) {
			return copyObject(map, path);
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			for (int i = 0; i < list.size(); i++) {
				copy.add(copyValue(list.get(i), path + "[" + i + "]"));
			}
			return Collections.unmodifiableList(copy);
		}
		throw new IllegalArgumentException(path + " must hold JSON values (text, number, boolean, list, map), found "
				+ value.getClass().getName());
	}

}
