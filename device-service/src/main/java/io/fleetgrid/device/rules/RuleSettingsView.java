package io.fleetgrid.device.rules;

import java.time.Instant;

import io.fleetgrid.contracts.event.RuleSettings.Thresholds;

/**
 * Rule settings as the API shows them.
 *
 * @param groupId the group, or {@code *} for the tenant defaults
 * @param thresholds what is set at this level (unset fields are absent)
 * @param effective what applies: this level, then the tenant defaults, then the platform
 * defaults
 * @param updatedAt last change, or null if nothing is set at this level
 */
public record RuleSettingsView(String groupId, Thresholds thresholds, Thresholds effective, Instant updatedAt) {

}
