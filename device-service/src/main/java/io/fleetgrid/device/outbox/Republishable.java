package io.fleetgrid.device.outbox;

/**
 * A feature whose state can be re-published in full through the outbox (recovery of a
 * lost or truncated compacted topic).
 */
public interface Republishable {

	/**
	 * Appends the current record of everything the tenant owns to the outbox.
	 * @param tenantId the tenant
	 * @return the number of records appended
	 */
	int republish(String tenantId);

}
