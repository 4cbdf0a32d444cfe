package io.fleetgrid.device.registry;

/**
 * Published (synchronously, inside the deleting transaction) when a group is deleted, so
 * that settings attached to it go with it.
 *
 * @param tenantId the tenant
 * @param groupId the deleted group
 */
public record GroupDeletedEvent(String tenantId, String groupId) {

}
