package io.fleetgrid.notification.directory;

/**
 * The users of a tenant could not be looked up; the caller keeps the work and retries.
 */
public class UserLookupException extends Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what failed
	 * @param cause why
	 */
	public UserLookupException(String message, Throwable cause) {
		super(message, cause);
	}

}
