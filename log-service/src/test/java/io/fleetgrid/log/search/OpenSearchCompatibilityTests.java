package io.fleetgrid.log.search;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenSearchCompatibilityTests {

	@Test
	void vendorJsonBecomesPlainJson() {
		assertThat(OpenSearchCompatibility.plainMediaType("application/vnd.elasticsearch+json; compatible-with=9"))
			.isEqualTo("application/json");
	}

	@Test
	void vendorNdjsonOfBulkBecomesPlainNdjson() {
		assertThat(OpenSearchCompatibility.plainMediaType("application/vnd.elasticsearch+x-ndjson;compatible-with=9"))
			.isEqualTo("application/x-ndjson");
	}

	@Test
	void otherMediaTypesAreLeftAlone() {
		assertThat(OpenSearchCompatibility.plainMediaType("application/json; charset=UTF-8"))
			.isEqualTo("application/json; charset=UTF-8");
		assertThat(OpenSearchCompatibility.plainMediaType("text/plain")).isEqualTo("text/plain");
	}

	@Test
	void requestInterceptorRewritesAcceptAndContentTypeHeaders() {
		BasicHttpRequest request = new BasicHttpRequest("POST", "/logs/_search");
		request.setHeader(HttpHeaders.ACCEPT, "application/vnd.elasticsearch+json; compatible-with=9");
		request.setHeader(HttpHeaders.CONTENT_TYPE, "application/vnd.elasticsearch+json; compatible-with=9");
		OpenSearchCompatibility.plainMediaTypes(request, null, HttpCoreContext.create());
		assertThat(request.getFirstHeader(HttpHeaders.ACCEPT).getValue()).isEqualTo("application/json");
		assertThat(request.getFirstHeader(HttpHeaders.CONTENT_TYPE).getValue()).isEqualTo("application/json");
	}

	@Test
	void requestInterceptorSetsAPlainContentTypeWhenOnlyTheEntityCarriesTheVendorType() {
		BasicHttpRequest request = new BasicHttpRequest("POST", "/_bulk");
		ContentType ndjson = ContentType.parse("application/vnd.elasticsearch+x-ndjson; compatible-with=9");
		OpenSearchCompatibility.plainMediaTypes(request, new BasicAsyncEntityProducer("{}\n", ndjson),
				HttpCoreContext.create());
		assertThat(request.getFirstHeader(HttpHeaders.CONTENT_TYPE).getValue()).isEqualTo("application/x-ndjson");
	}

	@Test
	void responseInterceptorAddsTheProductHeaderOnlyWhenMissing() {
		BasicHttpResponse fromOpenSearch = new BasicHttpResponse(200);
		OpenSearchCompatibility.addProductHeader(fromOpenSearch, null, HttpCoreContext.create());
		assertThat(fromOpenSearch.getHeaders(OpenSearchCompatibility.PRODUCT_HEADER)).singleElement()
			.satisfies((header) -> assertThat(header.getValue()).isEqualTo("Elasticsearch"));

		BasicHttpResponse fromProxy = new BasicHttpResponse(200);
		fromProxy.addHeader(OpenSearchCompatibility.PRODUCT_HEADER, "SomethingElse");
		OpenSearchCompatibility.addProductHeader(fromProxy, null, HttpCoreContext.create());
		assertThat(fromProxy.getHeaders(OpenSearchCompatibility.PRODUCT_HEADER)).singleElement()
			.satisfies((header) -> assertThat(header.getValue()).isEqualTo("SomethingElse"));
	}

}
