package io.fleetgrid.log.query;

import java.time.Clock;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.fleetgrid.log.directory.DeviceAssignments;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the search service.
 */
@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

	@Bean
	SearchService searchService(ElasticsearchClient client, Clock clock, DeviceAssignments assignments) {
		return new SearchService(client, clock, assignments);
	}

}
