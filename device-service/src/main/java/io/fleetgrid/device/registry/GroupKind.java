package io.fleetgrid.device.registry;

/**
 * What a group is: a fleet of vehicles or a site of energy devices.
 */
public enum GroupKind {

	/** A fleet of vehicles. */
	FLEET,
	/** A site with inverters, batteries and meters. */
	SITE

}
