package io.fleetgrid.observability.watchdog;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The process this service belongs to ({@code fleetgrid.parent.*}).
 *
 * @param pid id of the parent process; when set (the launcher sets the environment
 * variable {@code FLEETGRID_PARENT_PID}) the service shuts down when that process exits
 */
@ConfigurationProperties("fleetgrid.parent")
public record ParentProcessProperties(@Nullable Long pid) {

}
