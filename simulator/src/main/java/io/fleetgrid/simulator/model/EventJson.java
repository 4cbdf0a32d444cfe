package io.fleetgrid.simulator.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes events as the contract's JSON (hand-written: a load generator should not spend
 * its CPU on data binding). Metric names and DTCs are plain ASCII, so no escaping is
 * needed beyond quotes.
 */
public final class EventJson {

	private EventJson() {
	}

	/**
	 * One event object.
	 * @param ts event time
	 * @param seq sequence number
	 * @param metrics metrics
	 * @return the JSON
	 */
	public static String event(Instant ts, long seq, Map<String, Object> metrics) {
		StringBuilder json = new StringBuilder(320);
		json.append("{\"ts\":\"").append(ts).append("\",\"seq\":").append(seq).append(",\"metrics\":{");
		boolean first = true;
		for (Map.Entry<String, Object> metric : metrics.entrySet()) {
			if (!first) {
				json.append(',');
			}
			first = false;
			json.append('"').append(metric.getKey()).append("\":");
			value(json, metric.getValue());
		}
		return json.append("}}").toString();
	}

	/**
	 * A JSON array of event objects.
	 * @param events event objects
	 * @return the array
	 */
	public static String batch(List<String> events) {
		return "[" + String.join(",", events) + "]";
	}

	private static void value(StringBuilder json, Object value) {
		if (value instanceof List<?> list) {
			json.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					json.append(',');
				}
				json.append('"').append(list.get(i)).append('"');
			}
			json.append(']');
		}
		else if (value instanceof String text) {
			json.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		else {
			json.append(value);
		}
	}

}
