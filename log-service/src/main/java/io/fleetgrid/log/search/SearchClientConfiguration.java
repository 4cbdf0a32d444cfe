package io.fleetgrid.log.search;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects Spring Boot's Elasticsearch auto-configuration to {@link SearchProperties}.
 * <p>
 * Boot builds the low-level {@code Rest5Client}, the transport with its Jackson mapper,
 * the {@code ElasticsearchClient} and the health indicator; this configuration only
 * supplies where the nodes are (as {@link ElasticsearchConnectionDetails}, which takes
 * precedence over {@code spring.elasticsearch.uris}) and, when
 * {@code fleetgrid.search.opensearch-compatibility=true}, the
 * {@link OpenSearchCompatibility} interceptors. Timeouts and other client settings stay
 * under {@code spring.elasticsearch.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
public class SearchClientConfiguration {

	@Bean
	ElasticsearchConnectionDetails searchConnectionDetails(SearchProperties properties) {
		return new SearchConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnBooleanProperty("fleetgrid.search.opensearch-compatibility")
	Rest5ClientBuilderCustomizer openSearchCompatibility() {
		return new OpenSearchCompatibility();
	}

	/**
	 * {@link SearchProperties} as Boot's connection details.
	 */
	static final class SearchConnectionDetails implements ElasticsearchConnectionDetails {

		private final SearchProperties properties;

		SearchConnectionDetails(SearchProperties properties) {
			this.properties = properties;
		}

		@Override
		public List<Node> getNodes() {
			return this.properties.uris().stream().map(SearchConnectionDetails::node).toList();
		}

		private static Node node(URI uri) {
			Node.Protocol protocol = "https".equalsIgnoreCase(uri.getScheme()) ? Node.Protocol.HTTPS
					: Node.Protocol.HTTP;
			int port = (uri.getPort() != -1) ? uri.getPort() : 9200;
			String userInfo = uri.getUserInfo();
			if (userInfo == null || userInfo.isEmpty()) {
				return new Node(uri.getHost(), port, protocol);
			}
			int colon = userInfo.indexOf(':');
			return (colon < 0) ? new Node(uri.getHost(), port, protocol, userInfo, null) : new Node(uri.getHost(), port,
					protocol, userInfo.substring(0, colon), userInfo.substring(colon + 1));
		}

		@Override
		public @Nullable String getUsername() {
			return this.properties.username();
		}

		@Override
		public @Nullable String getPassword() {
			return this.properties.password();
		}

	}

}
