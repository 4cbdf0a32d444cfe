package io.fleetgrid.log.query;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import io.fleetgrid.log.directory.DeviceAssignments;
import io.fleetgrid.log.index.Documents.AlertDocument;
import io.fleetgrid.log.index.Documents.AuditDocument;
import io.fleetgrid.log.index.Documents.LogDocument;
import io.fleetgrid.log.index.IndexKind;
import io.fleetgrid.security.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Runs the searches: validates the parameters ({@link Criteria}), adds the caller's
 * {@link SearchScope}, and builds the query from typed parts only. {@code q} goes into a
 * {@code simple_query_string} query restricted to fixed fields and to the operators
 * {@code + | - " * ( )} (no field names, regular expressions, fuzziness or proximity),
 * which never fails on bad syntax; every other value becomes a {@code term}/{@code terms}
 * or {@code range} query. User input is never parsed as query DSL.
 */
public class SearchService {

	/** Most log lines of one trace returned by the trace view. */
	public static final int MAX_TRACE_LINES = 1_000;

	private static final List<SimpleQueryStringFlag> FLAGS = List.of(SimpleQueryStringFlag.And,
			SimpleQueryStringFlag.Or, SimpleQueryStringFlag.Not, SimpleQueryStringFlag.Phrase,
			SimpleQueryStringFlag.Prefix, SimpleQueryStringFlag.Precedence, SimpleQueryStringFlag.Whitespace);

	private static final Logger LOGGER = LoggerFactory.getLogger(SearchService.class);

	private final ElasticsearchClient client;

	private final Clock clock;

	private final DeviceAssignments assignments;

	/**
	 * Searches through a client.
	 * @param client the search client
	 * @param clock the clock (default end of aggregation ranges)
	 * @param assignments the devices assigned to users (scope of role USER)
	 */
	public SearchService(ElasticsearchClient client, Clock clock, DeviceAssignments assignments) {
		this.client = client;
		this.clock = clock;
		this.assignments = assignments;
	}

	/**
	 * Searches log lines.
	 * @param caller who searches
	 * @param parameters the request parameters
	 * @return one page
	 */
	public SearchResult<LogDocument> logs(Caller caller, Map<String, String> parameters) {
		return search(SearchKind.LOGS, caller, parameters);
	}

	/**
	 * Searches audit events.
	 * @param caller who searches
	 * @param parameters the request parameters
	 * @return one page
	 */
	public SearchResult<AuditDocument> audit(Caller caller, Map<String, String> parameters) {
		return search(SearchKind.AUDIT, caller, parameters);
	}

	/**
	 * Searches alert lifecycle steps.
	 * @param caller who searches
	 * @param parameters the request parameters
	 * @return one page
	 */
	public SearchResult<AlertDocument> alerts(Caller caller, Map<String, String> parameters) {
		return search(SearchKind.ALERTS, caller, parameters);
	}

	/**
	 * All log lines of one trace the caller may see, across services, oldest first.
	 * @param caller who asks
	 * @param traceId the trace id
	 * @return the trace, or null if the caller sees no line of it
	 */
	public @Nullable Trace trace(Caller caller, String traceId) {
		Query scope = SearchScope.of(IndexKind.LOGS, caller, this.assignments);
		SearchRequest request = SearchRequest.of((s) -> s.index(IndexKind.LOGS.pattern())
			.ignoreUnavailable(true)
			.allowNoIndices(true)
			.size(MAX_TRACE_LINES)
			.query((q) -> q.bool((b) -> b.filter(scope).filter(term("traceId", traceId))))
			.sort((o) -> o.field((f) -> f.field("ts").order(SortOrder.Asc)))
			.sort((o) -> o.field((f) -> f.field("docId").order(SortOrder.Asc))));
		List<LogDocument> lines = execute(request, LogDocument.class).hits().hits().stream().map(Hit::source).toList();
		if (lines.isEmpty()) {
			return null;
		}
		Set<String> services = new LinkedHashSet<>();
		lines.forEach((line) -> services.add(line.service()));
		return new Trace(traceId, List.copyOf(services), lines);
	}

	<T> SearchResult<T> search(SearchKind<T> kind, Caller caller, Map<String, String> parameters) {
		Criteria criteria = Criteria.parse(parameters, kind.filters(), this.clock.instant());
		Query scope = SearchScope.of(kind.index(), caller, this.assignments);
		SearchRequest request = request(kind, criteria, scope);
		SearchResponse<T> response = execute(request, kind.documentType());
		List<Hit<T>> hits = response.hits().hits();
		String next = null;
		if (hits.size() == criteria.size()) {
			List<FieldValue> sort = hits.get(hits.size() - 1).sort();
			next = new Criteria.Cursor(sort.get(0).longValue(), sort.get(1).stringValue()).encode();
		}
		var total = response.hits().total();
		LOGGER.info("Search of {} by {} ({} filters, text query: {}): {} hits", kind.index().id(), caller.subject(),
				criteria.filters().size(), criteria.q() != null, hits.size());
		return new SearchResult<>(hits.stream().map(Hit::source).toList(), (total != null) ? total.value() : 0,
				total != null && total.relation() == TotalHitsRelation.Gte, next,
				(criteria.interval() != null) ? aggregations(kind, response.aggregations()) : null);
	}

	static <T> SearchRequest request(SearchKind<T> kind, Criteria criteria, Query scope) {
		SortOrder order = criteria.ascending() ? SortOrder.Asc : SortOrder.Desc;
		return SearchRequest.of((s) -> {
			s.index(kind.index().pattern())
				.ignoreUnavailable(true)
				.allowNoIndices(true)
				.size(criteria.size())
				.query(query(kind, criteria, scope))
				.sort((o) -> o.field((f) -> f.field("ts").order(order)))
				.sort((o) -> o.field((f) -> f.field("docId").order(order)));
			Criteria.Cursor after = criteria.after();
			if (after != null) {
				s.searchAfter(FieldValue.of(after.ts()), FieldValue.of(after.docId()));
			}
			if (criteria.interval() != null) {
				String interval = criteria.interval().toMillis() + "ms";
				s.aggregations("timeline", (a) -> {
					var histogram = a.dateHistogram((h) -> h.field("ts").fixedInterval((t) -> t.time(interval)));
					for (String field : kind.countedFields()) {
						histogram.aggregations(field, (sub) -> sub.terms((t) -> t.field(field).size(50)));
					}
					return histogram;
				});
				for (String field : kind.countedFields()) {
					s.aggregations(field, (a) -> a.terms((t) -> t.field(field).size(50)));
				}
			}
			return s;
		});
	}

	static Query query(SearchKind<?> kind, Criteria criteria, Query scope) {
		return Query.of((q) -> q.bool((b) -> {
			b.filter(scope);
			criteria.filters()
				.forEach((field,
						values) -> b.filter((values.size() == 1) ? term(field, values.get(0))
								: Query.of((t) -> t.terms((terms) -> terms.field(field)
									.terms((v) -> v.value(values.stream().map(FieldValue::of).toList()))))));
			if (criteria.from() != null || criteria.to() != null) {
				b.filter((f) -> f.range((r) -> r.date((d) -> {
					d.field("ts");
					if (criteria.from() != null) {
						d.gte(criteria.from().toString());
					}
					if (criteria.to() != null) {
						d.lte(criteria.to().toString());
					}
					return d;
				})));
			}
			if (criteria.q() != null) {
				b.must((m) -> m.simpleQueryString((sqs) -> sqs.query(criteria.q())
					.fields(kind.textFields())
					.flags(FLAGS)
					.defaultOperator(Operator.And)
					.lenient(true)));
			}
			return b;
		}));
	}

	private static Query term(String field, String value) {
		return Query.of((q) -> q.term((t) -> t.field(field).value(value)));
	}

	private static SearchResult.Aggregations aggregations(SearchKind<?> kind, Map<String, Aggregate> aggregations) {
		Map<String, Map<String, Long>> totals = counts(kind, aggregations);
		List<SearchResult.Bucket> timeline = new ArrayList<>();
		Aggregate histogram = aggregations.get("timeline");
		if (histogram != null) {
			for (DateHistogramBucket bucket : histogram.dateHistogram().buckets().array()) {
				timeline.add(new SearchResult.Bucket(Instant.ofEpochMilli(bucket.key()), bucket.docCount(),
						counts(kind, bucket.aggregations())));
			}
		}
		return new SearchResult.Aggregations(totals, timeline);
	}

	private static Map<String, Map<String, Long>> counts(SearchKind<?> kind, Map<String, Aggregate> aggregations) {
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		for (String field : kind.countedFields()) {
			Map<String, Long> values = new LinkedHashMap<>();
			Aggregate aggregate = aggregations.get(field);
			if (aggregate != null && aggregate.isSterms()) {
				for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
					values.put(bucket.key().stringValue(), bucket.docCount());
				}
			}
			counts.put(field, values);
		}
		return counts;
	}

	private <T> SearchResponse<T> execute(SearchRequest request, Class<T> type) {
		try {
			return this.client.search(request, type);
		}
		catch (IOException ex) {
			throw unavailable(ex);
		}
		catch (ElasticsearchException ex) {
			if (ex.status() >= 500) {
				throw unavailable(ex);
			}
			throw ex;
		}
	}

	private static ErrorResponseException unavailable(Exception cause) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The search server is not reachable; try again shortly");
		problem.setTitle("Search unavailable");
		return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, cause);
	}

	/**
	 * The log lines of one trace.
	 *
	 * @param traceId the trace id
	 * @param services the services that logged in it, in order of their first line
	 * @param lines the lines, oldest first (at most {@link #MAX_TRACE_LINES})
	 */
	public record Trace(String traceId, List<String> services, List<LogDocument> lines) {
	}

}
