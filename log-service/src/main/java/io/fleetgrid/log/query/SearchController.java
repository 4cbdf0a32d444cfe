package io.fleetgrid.log.query;

import java.util.Map;
import java.util.regex.Pattern;

import io.fleetgrid.log.index.Documents.AlertDocument;
import io.fleetgrid.log.index.Documents.AuditDocument;
import io.fleetgrid.log.index.Documents.LogDocument;
import io.fleetgrid.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The search endpoints. Parameters (all optional): {@code q} (full text, simple query
 * syntax), filters per endpoint (comma-separated values mean any of them), {@code from}
 * and {@code to} (ISO-8601 instants, inclusive), {@code sort} ({@code desc} newest first,
 * default, or {@code asc}), {@code size} (1-500, default 50), {@code after} (the
 * {@code next} cursor of the previous page) and {@code interval} ({@code 1m} ...
 * {@code 1d}: adds counts over a date histogram; needs {@code from}).
 */
@RestController
@RequestMapping("/api/v1")
class SearchController {

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-fA-F]{16,64}");

	private final SearchService search;

	SearchController(SearchService search) {
		this.search = search;
	}

	/**
	 * Log lines. Filters: {@code service}, {@code level}, {@code deviceId},
	 * {@code traceId}, {@code instance}, {@code logger}. A tenant ADMIN sees its tenant's
	 * lines, an OPERATOR the platform-wide ones.
	 * @param caller the caller
	 * @param parameters the parameters
	 * @return one page
	 */
	@GetMapping("/logs/search")
	@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
	SearchResult<LogDocument> logs(Caller caller, @RequestParam Map<String, String> parameters) {
		return this.search.logs(caller, parameters);
	}

	/**
	 * Every log line of one trace across services, oldest first; 404 when the caller sees
	 * none.
	 * @param caller the caller
	 * @param traceId the trace id (16-64 hex digits)
	 * @return the trace
	 */
	@GetMapping("/logs/trace/{traceId}")
	@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
	SearchService.Trace trace(Caller caller, @PathVariable String traceId) {
		if (!TRACE_ID.matcher(traceId).matches()) {
			throw new InvalidSearchException("traceId", "must be 16 to 64 hexadecimal digits");
		}
		SearchService.Trace trace = this.search.trace(caller, traceId.toLowerCase(java.util.Locale.ROOT));
		if (trace == null) {
			throw new ErrorResponseException(HttpStatus.NOT_FOUND);
		}
		return trace;
	}

	/**
	 * Audit events. Filters: {@code actor}, {@code action}, {@code target},
	 * {@code outcome}, {@code service}, {@code traceId}.
	 * @param caller the caller
	 * @param parameters the parameters
	 * @return one page
	 */
	@GetMapping("/audit/search")
	@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
	SearchResult<AuditDocument> audit(Caller caller, @RequestParam Map<String, String> parameters) {
		return this.search.audit(caller, parameters);
	}

	/**
	 * Alert lifecycle steps. Filters: {@code deviceId}, {@code type}, {@code severity},
	 * {@code status}, {@code alertId}, {@code groupId}.
	 * @param caller the caller
	 * @param parameters the parameters
	 * @return one page
	 */
	@GetMapping("/alerts/search")
	@PreAuthorize("hasRole('USER')")
	SearchResult<AlertDocument> alerts(Caller caller, @RequestParam Map<String, String> parameters) {
		return this.search.alerts(caller, parameters);
	}

}
