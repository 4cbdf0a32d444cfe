package io.fleetgrid.log.directory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the device directory and its follower.
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryConfiguration {

	@Bean
	DeviceAssignments deviceAssignments() {
		return new DeviceAssignments();
	}

	@Bean
	DeviceDirectoryFollower deviceDirectoryFollower(KafkaProperties kafka, DeviceAssignments assignments) {
		return new DeviceDirectoryFollower(kafka.buildConsumerProperties(), assignments);
	}

}
