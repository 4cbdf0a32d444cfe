package io.fleetgrid.device.web;

/**
 * One invalid field of a request.
 *
 * @param field the field path, for example {@code vehicle.vin}
 * @param message why it is invalid
 */
public record FieldError(String field, String message) {

	@Override
	public String toString() {
		return this.field + ": " + this.message;
	}

}
