package io.fleetgrid.device.web;

/**
 * The resource does not exist for the caller: absent, owned by another tenant, or (for
 * role USER) a device not assigned to the caller. All three answer the same 404 so that
 * existence does not leak.
 */
public class NotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param what kind of resource, for example {@code device}
	 * @param id its id
	 */
	public NotFoundException(String what, String id) {
		super("No " + what + " '" + id + "'");
	}

}
