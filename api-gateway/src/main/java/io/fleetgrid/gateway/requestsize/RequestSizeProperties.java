package io.fleetgrid.gateway.requestsize;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request body limits ({@code fleetgrid.gateway.request-size.*}).
 *
 * @param max the limit of every path without its own
 * @param paths limits for particular paths (first matching pattern wins)
 */
@ConfigurationProperties("fleetgrid.gateway.request-size")
public record RequestSizeProperties(@DefaultValue("1MB") DataSize max, @DefaultValue List<PathLimit> paths) {

	/**
	 * The limit of the paths matching a pattern.
	 *
	 * @param pattern a path pattern, e.g. {@code /api/v1/telemetry}
	 * @param max the largest body accepted
	 */
	public record PathLimit(String pattern, DataSize max) {
	}

}
