package io.fleetgrid.notification.api;

/**
 * A request field that failed a check beyond bean validation: 400 naming the field.
 */
public class InvalidFieldException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String field;

	/**
	 * Creates the exception.
	 * @param field the JSON field
	 * @param message what is wrong with it
	 */
	public InvalidFieldException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The invalid field.
	 * @return its JSON name
	 */
	public String field() {
		return this.field;
	}

}
