package io.fleetgrid.device.web;

import java.util.List;

/**
 * A CSV import that was refused as a whole; answered with 400 problem+json listing every
 * bad row.
 */
public class CsvImportException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<RowError> errors;

	/**
	 * Creates the exception.
	 * @param errors the bad rows, at least one
	 */
	public CsvImportException(List<RowError> errors) {
		super(errors.size() + " invalid rows; nothing was imported. First: " + errors.get(0));
		this.errors = List.copyOf(errors);
	}

	/**
	 * The errors, in row order.
	 * @return the errors
	 */
	public List<RowError> errors() {
		return this.errors;
	}

	/**
	 * One problem of one row.
	 *
	 * @param line the line number in the file (the header is line 1)
	 * @param field the column, or null for the row as a whole
	 * @param message the reason
	 */
	public record RowError(int line, String field, String message) {

		@Override
		public String toString() {
			return "line " + this.line + ((this.field != null) ? " " + this.field : "") + ": " + this.message;
		}

	}

}
