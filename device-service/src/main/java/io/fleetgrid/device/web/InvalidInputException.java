package io.fleetgrid.device.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Request input that failed validation; answered with 400 problem+json listing every
 * invalid field.
 */
public class InvalidInputException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<FieldError> errors;

	/**
	 * Creates the exception.
	 * @param errors the invalid fields, at least one
	 */
	public InvalidInputException(List<FieldError> errors) {
		super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
		this.errors = List.copyOf(errors);
	}

	/**
	 * A single invalid field.
	 * @param field the field
	 * @param message the reason
	 * @return the exception
	 */
	public static InvalidInputException of(String field, String message) {
		return new InvalidInputException(List.of(new FieldError(field, message)));
	}

	/**
	 * The invalid fields.
	 * @return the errors
	 */
	public List<FieldError> errors() {
		return this.errors;
	}

}
