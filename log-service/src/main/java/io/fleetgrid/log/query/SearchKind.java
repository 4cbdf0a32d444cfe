package io.fleetgrid.log.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.log.index.Documents.AlertDocument;
import io.fleetgrid.log.index.Documents.AuditDocument;
import io.fleetgrid.log.index.Documents.LogDocument;
import io.fleetgrid.log.index.IndexKind;

/**
 * What each search offers: the document type, the analysed fields {@code q} searches, the
 * exact filters (parameter = keyword field) and the fields counted by aggregations.
 *
 * @param <T> the document type
 * @param index the kind of index searched
 * @param documentType the document record
 * @param textFields fields searched by {@code q}
 * @param filters filter parameters with their normalisers
 * @param countedFields keyword fields counted per value in aggregations
 */
record SearchKind<T>(IndexKind index, Class<T> documentType, List<String> textFields,
		Map<String, UnaryOperator<String>> filters, List<String> countedFields) {

	private static final UnaryOperator<String> ALERT_TYPE = (value) -> AlertType.of(value).name();

	static final SearchKind<LogDocument> LOGS = new SearchKind<>(IndexKind.LOGS, LogDocument.class,
			List.of("message", "stackTrace"),
			filters("service", UnaryOperator.identity(), "level",
					Criteria.oneOf("ERROR", "WARN", "INFO", "DEBUG", "TRACE"), "deviceId", UnaryOperator.identity(),
					"traceId", UnaryOperator.identity(), "instance", UnaryOperator.identity(), "logger",
					UnaryOperator.identity()),
			List.of("level", "service"));

	static final SearchKind<AuditDocument> AUDIT = new SearchKind<>(IndexKind.AUDIT, AuditDocument.class,
			List.of("text"),
			filters("actor", UnaryOperator.identity(), "action", UnaryOperator.identity(), "target",
					UnaryOperator.identity(), "outcome", Criteria.oneOf("SUCCESS", "FAILURE"), "service",
					UnaryOperator.identity(), "traceId", UnaryOperator.identity()),
			List.of("action", "outcome"));

	static final SearchKind<AlertDocument> ALERTS = new SearchKind<>(IndexKind.ALERTS, AlertDocument.class,
			List.of("text"),
			filters("deviceId", UnaryOperator.identity(), "type", ALERT_TYPE, "severity",
					Criteria.oneOf(names(AlertEvent.Severity.values())), "status",
					Criteria.oneOf(names(AlertEvent.Status.values())), "alertId", UnaryOperator.identity(), "groupId",
					UnaryOperator.identity()),
			List.of("severity", "type"));

	private static Map<String, UnaryOperator<String>> filters(Object... pairs) {
		Map<String, UnaryOperator<String>> filters = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			@SuppressWarnings("unchecked")
			UnaryOperator<String> normaliser = (UnaryOperator<String>) pairs[i + 1];
			filters.put((String) pairs[i], normaliser);
		}
		return filters;
	}

	private static String[] names(Enum<?>[] values) {
		String[] names = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			names[i] = values[i].name();
		}
		return names;
	}

}
