package io.fleetgrid.notification.api;

/**
 * A resource that does not exist in the caller's tenant (or is not the caller's): 404.
 */
public class NotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what was not found
	 */
	public NotFoundException(String message) {
		super(message);
	}

}
