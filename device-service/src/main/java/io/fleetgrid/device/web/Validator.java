package io.fleetgrid.device.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects field errors of one request so that all of them are reported at once.
 */
public final class Validator {

	/**
	 * Ids of devices, groups and geofences: what may appear in a URL path and a Kafka
	 * key.
	 */
	public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	private final List<FieldError> errors = new ArrayList<>();

	/**
	 * Records an error when {@code valid} is false.
	 * @param valid the condition
	 * @param field the field
	 * @param message the reason
	 * @return {@code valid}
	 */
	public boolean check(boolean valid, String field, String message) {
		if (!valid) {
			this.errors.add(new FieldError(field, message));
		}
		return valid;
	}

	/**
	 * Records an error.
	 * @param field the field
	 * @param message the reason
	 */
	public void reject(String field, String message) {
		this.errors.add(new FieldError(field, message));
	}

	/**
	 * Checks a required text of limited length.
	 * @param value the value
	 * @param field the field
	 * @param maxLength the maximum length
	 * @return whether it is valid
	 */
	public boolean requiredText(String value, String field, int maxLength) {
		if (value == null || value.isBlank()) {
			reject(field, "must not be blank");
			return false;
		}
		return optionalText(value, field, maxLength);
	}

	/**
	 * Checks an optional text of limited length.
	 * @param value the value, may be null
	 * @param field the field
	 * @param maxLength the maximum length
	 * @return whether it is valid
	 */
	public boolean optionalText(String value, String field, int maxLength) {
		return check(value == null || value.length() <= maxLength, field,
				"must be at most " + maxLength + " characters");
	}

	/**
	 * Checks an id (see {@link #ID}).
	 * @param value the value
	 * @param field the field
	 * @return whether it is valid
	 */
	public boolean id(String value, String field) {
		if (value == null || value.isBlank()) {
			reject(field, "must not be blank");
			return false;
		}
		return check(ID.matcher(value).matches(), field,
				"must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit");
	}

	/**
	 * Checks an optional number within a closed range.
	 * @param value the value, may be null
	 * @param field the field
	 * @param min the minimum
	 * @param max the maximum
	 * @return whether it is valid
	 */
	public boolean range(Number value, String field, double min, double max) {
		return check(value == null || (value.doubleValue() >= min && value.doubleValue() <= max), field,
				"must be within [" + format(min) + ", " + format(max) + "]");
	}

	/**
	 * Checks a list of texts: at most {@code maxItems}, each non-blank and short.
	 * @param values the values, may be null
	 * @param field the field
	 * @param maxItems the maximum number of items
	 * @param maxLength the maximum length of one item
	 */
	public void texts(Collection<String> values, String field, int maxItems, int maxLength) {
		if (values == null) {
			return;
		}
		check(values.size() <= maxItems, field, "must have at most " + maxItems + " entries");
		int index = 0;
		for (String value : values) {
			requiredText(value, field + "[" + index + "]", maxLength);
			index++;
		}
	}

	/**
	 * Throws {@link InvalidInputException} if any error was recorded.
	 */
	public void throwIfInvalid() {
		if (!this.errors.isEmpty()) {
			throw new InvalidInputException(this.errors);
		}
	}

	/**
	 * The errors recorded so far.
	 * @return the errors
	 */
	public List<FieldError> errors() {
		return List.copyOf(this.errors);
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}

}
