package io.fleetgrid.log.search;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the search server is and how to talk to it.
 *
 * @param uris the nodes, for example {@code http://localhost:9200}; user info in a URI
 * ({@code http://user:secret@host:9200}) is used as that node's credentials
 * @param username user for HTTP basic authentication, if the server requires it
 * @param password password for HTTP basic authentication
 * @param opensearchCompatibility whether to talk to an OpenSearch node through the
 * Elasticsearch client ({@link OpenSearchCompatibility}); for the local stack and tests
 * only, never against a real Elasticsearch cluster
 */
@ConfigurationProperties(prefix = "fleetgrid.search")
public record SearchProperties(@DefaultValue("http://localhost:9200") List<URI> uris, @Nullable String username,
		@Nullable String password, boolean opensearchCompatibility) {

	public SearchProperties {
		uris = List.copyOf(uris);
		if (uris.isEmpty()) {
			throw new IllegalArgumentException("fleetgrid.search.uris must name at least one node");
		}
	}

}
