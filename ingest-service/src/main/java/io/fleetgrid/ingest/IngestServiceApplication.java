package io.fleetgrid.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;

/**
 * Telemetry ingest over HTTP and MQTT into Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableFeignClients
public class IngestServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(IngestServiceApplication.class, args);
	}

}
