package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.util.Map;

/**
 * Rule settings per tenant and group on the compacted {@code fleetgrid.rules.v1} topic
 * (key {@code tenantId:groupId}).
 *
 * @param tenantId tenant
 * @param groupId group, or {@code *} for the tenant defaults
 * @param settings setting name to value
 * @param updatedAt last change
 */
public record RuleSettings(String tenantId, String groupId, Map<String, Object> settings, Instant updatedAt) {
}
