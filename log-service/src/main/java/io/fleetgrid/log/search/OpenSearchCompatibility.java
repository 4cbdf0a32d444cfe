package io.fleetgrid.log.search;

import java.util.Locale;

import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;

/**
 * Lets the official Elasticsearch Java client talk to an OpenSearch node. <strong>Local
 * stack and tests only</strong>: production runs real Elasticsearch with this off.
 * <p>
 * OpenSearch serves the Elasticsearch REST API for everything FleetGrid uses, but the
 * client (9.x) differs in two ways that OpenSearch rejects or lacks:
 * <ul>
 * <li>it sends {@code Content-Type} and {@code Accept}
 * {@code application/vnd.elasticsearch+json; compatible-with=9} (and {@code +x-ndjson}
 * for bulk), which OpenSearch does not accept: a request interceptor sends the plain
 * {@code application/json} and {@code application/x-ndjson} instead;</li>
 * <li>it refuses responses without {@code X-Elastic-Product: Elasticsearch}, which
 * OpenSearch does not send: a response interceptor adds the header when it is
 * missing.</li>
 * </ul>
 * Nothing else is rewritten, so a query OpenSearch does not support still fails.
 */
public final class OpenSearchCompatibility implements Rest5ClientBuilderCustomizer {

	/** Response header the Elasticsearch client insists on. */
	static final String PRODUCT_HEADER = "X-Elastic-Product";

	private static final String VENDOR_PREFIX = "application/vnd.elasticsearch+";

	private static final Logger LOGGER = LoggerFactory.getLogger(OpenSearchCompatibility.class);

	@Override
	public void customize(Rest5ClientBuilder restClientBuilder) {
		LOGGER.warn("OpenSearch compatibility mode is on (fleetgrid.search.opensearch-compatibility): "
				+ "for the local OpenSearch node and tests only, never for a real Elasticsearch cluster");
	}

	@Override
	public void customize(HttpAsyncClientBuilder httpClientBuilder) {
		httpClientBuilder.addRequestInterceptorLast(OpenSearchCompatibility::plainMediaTypes);
		httpClientBuilder.addResponseInterceptorFirst(OpenSearchCompatibility::addProductHeader);
	}

	static void plainMediaTypes(HttpRequest request, @Nullable EntityDetails entity, HttpContext context) {
		replaceMediaType(request, HttpHeaders.ACCEPT);
		if (!request.containsHeader(HttpHeaders.CONTENT_TYPE) && entity != null && entity.getContentType() != null) {
			request.setHeader(HttpHeaders.CONTENT_TYPE, entity.getContentType());
		}
		replaceMediaType(request, HttpHeaders.CONTENT_TYPE);
	}

	static void addProductHeader(HttpResponse response, @Nullable EntityDetails entity, HttpContext context) {
		if (!response.containsHeader(PRODUCT_HEADER)) {
			response.addHeader(PRODUCT_HEADER, "Elasticsearch");
		}
	}

	private static void replaceMediaType(HttpMessage message, String name) {
		Header header = message.getFirstHeader(name);
		if (header != null) {
			message.setHeader(name, plainMediaType(header.getValue()));
		}
	}

	/**
	 * The media type OpenSearch understands for one the Elasticsearch client sends.
	 * @param mediaType a media type, for example
	 * {@code application/vnd.elasticsearch+json; compatible-with=9}
	 * @return {@code application/json} for that example, {@code application/x-ndjson} for
	 * the bulk variant; any other media type unchanged
	 */
	static String plainMediaType(String mediaType) {
		String trimmed = mediaType.trim();
		if (!trimmed.toLowerCase(Locale.ROOT).startsWith(VENDOR_PREFIX)) {
			return mediaType;
		}
		int parameters = trimmed.indexOf(';');
		String suffix = (parameters >= 0) ? trimmed.substring(VENDOR_PREFIX.length(), parameters)
				: trimmed.substring(VENDOR_PREFIX.length());
		return "application/" + suffix.trim();
	}

}
