package io.fleetgrid.contracts.serde;

/**
 * Version of an event schema, written as {@code major.minor} (for example {@code 1.0}). A
 * minor version adds optional fields only, so any reader of the same major version can
 * read it; a major version is incompatible with readers of an older major version.
 *
 * @param major incompatible changes
 * @param minor compatible additions
 */
public record SchemaVersion(int major, int minor) implements Comparable<SchemaVersion> {

	public SchemaVersion {
		if (major < 1 || minor < 0) {
			throw new IllegalArgumentException("schema version must be >= 1.0: " + major + "." + minor);
		}
	}

	/**
	 * A version.
	 * @param major major version, at least 1
	 * @param minor minor version, at least 0
	 * @return the version
	 */
	public static SchemaVersion of(int major, int minor) {
		return new SchemaVersion(major, minor);
	}

	/**
	 * Parses {@code major.minor} or a bare {@code major} (meaning {@code major.0}).
	 * @param text the version text
	 * @return the version
	 * @throws IllegalArgumentException if the text is not a version
	 */
	public static SchemaVersion parse(String text) {
		if (text == null || text.isEmpty() || text.length() > 21) {
			throw new IllegalArgumentException("not a schema version: '" + text + "'");
		}
		int dot = text.indexOf('.');
		String majorText = (dot < 0) ? text : text.substring(0, dot);
		String minorText = (dot < 0) ? "0" : text.substring(dot + 1);
		return new SchemaVersion(number(majorText, text), number(minorText, text));
	}

	private static int number(String digits, String text) {
		if (digits.isEmpty() || digits.length() > 9) {
			throw new IllegalArgumentException("not a schema version: '" + text + "'");
		}
		for (int i = 0; i < digits.length(); i++) {
			if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
				throw new IllegalArgumentException("not a schema version: '" + text + "'");
			}
		}
		return Integer.parseInt(digits);
	}

	@Override
	public int compareTo(SchemaVersion other) {
		return (this.major != other.major) ? Integer.compare(this.major, other.major)
				: Integer.compare(this.minor, other.minor);
	}

	@Override
	public String toString() {
		return this.major + "." + this.minor;
	}

}
