package io.fleetgrid.device.registry;

/**
 * Body of {@code POST /api/v1/groups} and {@code PATCH /api/v1/groups/{id}} (where id and
 * kind are ignored and null fields stay as they are).
 *
 * @param id tenant-unique id
 * @param name display name
 * @param kind FLEET or SITE
 * @param description free text, or null
 */
public record GroupRequest(String id, String name, GroupKind kind, String description) {

}
