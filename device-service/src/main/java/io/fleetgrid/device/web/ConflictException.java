package io.fleetgrid.device.web;

/**
 * The request conflicts with the current state (an id already taken, a group still in
 * use); answered with 409 problem+json.
 */
public class ConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what conflicts
	 */
	public ConflictException(String message) {
		super(message);
	}

}
