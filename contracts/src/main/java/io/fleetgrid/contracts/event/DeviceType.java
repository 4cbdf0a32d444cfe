package io.fleetgrid.contracts.event;

/**
 * Kind of device sending telemetry.
 */
public enum DeviceType {

	/** A vehicle with an OBD-II / GPS tracker. */
	VEHICLE,
	/** A solar inverter. */
	INVERTER,
	/** A battery storage system. */
	BATTERY,
	/** An energy meter. */
	METER

}
