package io.fleetgrid.log.index;

import java.io.IOException;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index templates of the three kinds: explicit mappings ({@code keyword} for exact
 * filters and aggregations, {@code text} for full-text search, {@code date} for time),
 * strict at the top level so that a document with an unexpected field is rejected rather
 * than silently mapped. Put once before the first bulk request (and again after a
 * failure), so the service starts even while the search server is down.
 */
public class IndexTemplates {

	private static final Logger LOGGER = LoggerFactory.getLogger(IndexTemplates.class);

	private final ElasticsearchClient client;

	private final IndexProperties properties;

	private volatile boolean installed;

	/**
	 * Templates for a client.
	 * @param client the search client
	 * @param properties shards and replicas
	 */
	public IndexTemplates(ElasticsearchClient client, IndexProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	/**
	 * Puts the templates unless that already succeeded.
	 * @throws IOException if the search server cannot be reached
	 */
	public void ensureInstalled() throws IOException {
		if (this.installed) {
			return;
		}
		for (IndexKind kind : IndexKind.values()) {
			TypeMapping mapping = mapping(kind);
			this.client.indices()
				.putIndexTemplate((t) -> t.name("fleetgrid-" + kind.id())
					.indexPatterns(kind.pattern())
					.priority(100L)
					.template((tt) -> tt
						.settings((s) -> s.numberOfShards(String.valueOf(this.properties.shards()))
							.numberOfReplicas(String.valueOf(this.properties.replicas())))
						.mappings(mapping)));
		}
		this.installed = true;
		LOGGER.info("Index templates fleetgrid-logs, fleetgrid-audit and fleetgrid-alerts are in place");
	}

	static TypeMapping mapping(IndexKind kind) {
		return switch (kind) {
			case LOGS -> strict(Map.ofEntries(Map.entry("docId", keyword()), Map.entry("ts", date()),
					Map.entry("tenantId", keyword()), Map.entry("service", keyword()), Map.entry("instance", keyword()),
					Map.entry("level", keyword()), Map.entry("logger", keyword()), Map.entry("thread", keyword()),
					Map.entry("message", text()), Map.entry("stackTrace", text()), Map.entry("traceId", keyword()),
					Map.entry("spanId", keyword()), Map.entry("deviceId", keyword())));
			case AUDIT -> strict(Map.ofEntries(Map.entry("docId", keyword()), Map.entry("ts", date()),
					Map.entry("tenantId", keyword()), Map.entry("eventId", keyword()),
					Map.entry("actor", keywordCopiedTo("text")), Map.entry("action", keywordCopiedTo("text")),
					Map.entry("target", keywordCopiedTo("text")), Map.entry("outcome", keyword()),
					Map.entry("service", keyword()), Map.entry("traceId", keyword()), Map.entry("details", object()),
					Map.entry("text", text())));
			case ALERTS -> strict(Map.ofEntries(Map.entry("docId", keyword()), Map.entry("ts", date()),
					Map.entry("tenantId", keyword()), Map.entry("alertId", keyword()),
					Map.entry("version", Property.of((p) -> p.long_((l) -> l))),
					Map.entry("deviceId", keywordCopiedTo("text")), Map.entry("groupId", keyword()),
					Map.entry("type", keywordCopiedTo("text")), Map.entry("severity", keyword()),
					Map.entry("status", keyword()), Map.entry("geofenceId", keyword()), Map.entry("startedAt", date()),
					Map.entry("endedAt", date()),
					Map.entry("message", Property.of((p) -> p.text((t) -> t.copyTo("text")))),
					Map.entry("details", object()), Map.entry("acknowledgedBy", keyword()), Map.entry("text", text())));
		};
	}

	private static TypeMapping strict(Map<String, Property> properties) {
		return TypeMapping.of((m) -> m.dynamic(DynamicMapping.Strict).properties(properties));
	}

	private static Property keyword() {
		return Property.of((p) -> p.keyword((k) -> k.ignoreAbove(1024)));
	}

	private static Property keywordCopiedTo(String field) {
		return Property.of((p) -> p.keyword((k) -> k.ignoreAbove(1024).copyTo(field)));
	}

	private static Property text() {
		return Property.of((p) -> p.text((t) -> t));
	}

	private static Property date() {
		return Property.of((p) -> p.date((d) -> d));
	}

	// Free-form values that triggered an alert or describe an audited action: mapped as
	// they come. A value whose type contradicts an earlier one is rejected by the server
	// (and dead-lettered).
	private static Property object() {
		return Property.of((p) -> p.object((o) -> o.dynamic(DynamicMapping.True)));
	}

}
