package io.fleetgrid.localstack.process;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The line a server process prints on standard output once it accepts connections:
 * {@code FLEETGRID-READY} followed by a flat JSON object of string properties, for
 * example {@code FLEETGRID-READY {"bootstrapServers":"localhost:9092"}}. The JSON is
 * ASCII only (other characters are escaped), so the line survives any console encoding.
 */
public final class ReadyLine {

	/** The start of a ready line. */
	public static final String PREFIX = "FLEETGRID-READY ";

	private ReadyLine() {
	}

	/**
	 * Whether an output line is a ready line.
	 * @param line a line of output
	 * @return {@code true} if it starts with {@link #PREFIX}
	 */
	public static boolean isReadyLine(String line) {
		return line.startsWith(PREFIX);
	}

	/**
	 * Formats a ready line.
	 * @param properties how clients reach the server
	 * @return the line, without a line terminator
	 */
	public static String format(Map<String, String> properties) {
		StringBuilder json = new StringBuilder(PREFIX).append('{');
		properties.forEach((key, value) -> {
			if (json.charAt(json.length() - 1) != '{') {
				json.append(',');
			}
			appendString(json, key);
			json.append(':');
			appendString(json, value);
		});
		return json.append('}').toString();
	}

	/**
	 * Parses a ready line.
	 * @param line a line for which {@link #isReadyLine(String)} is {@code true}
	 * @return the properties, in their order on the line
	 * @throws IllegalArgumentException if the line is not a well-formed ready line
	 */
	public static Map<String, String> parse(String line) {
		if (!isReadyLine(line)) {
			throw new IllegalArgumentException("not a ready line: " + line);
		}
		return new Parser(line, PREFIX.length()).object();
	}

	private static void appendString(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c > 0x7e) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

	/** Parses the flat object of strings that a ready line carries. */
	private static final class Parser {

		private final String text;

		private int pos;

		Parser(String text, int pos) {
			this.text = text;
			this.pos = pos;
		}

		Map<String, String> object() {
			Map<String, String> properties = new LinkedHashMap<>();
			expect('{');
			if (peek() == '}') {
				this.pos++;
			}
			else {
				do {
					String key = string();
					expect(':');
					properties.put(key, string());
				}
				while (consumeIf(','));
				expect('}');
			}
			skipWhitespace();
			if (this.pos != this.text.length()) {
				throw error("trailing characters");
			}
			return properties;
		}

		private String string() {
			expect('"');
			StringBuilder value = new StringBuilder();
			while (true) {
				char c = next();
				if (c == '"') {
					return value.toString();
				}
				if (c != '\\') {
					value.append(c);
					continue;
				}
				char escaped = next();
				switch (escaped) {
					case '"', '\\', '/' -> value.append(escaped);
					case 'b' -> value.append('\b');
					case 'f' -> value.append('\f');
					case 'n' -> value.append('\n');
					case 'r' -> value.append('\r');
					case 't' -> value.append('\t');
					case 'u' -> {
						if (this.pos + 4 > this.text.length()) {
							throw error("short unicode escape");
						}
						try {
							value.append((char) Integer.parseInt(this.text, this.pos, this.pos + 4, 16));
						}
						catch (NumberFormatException ex) {
							throw error("bad unicode escape");
						}
						this.pos += 4;
					}
					default -> throw error("bad escape \\" + escaped);
				}
			}
		}

		private void expect(char expected) {
			skipWhitespace();
			if (next() != expected) {
				throw error("expected '" + expected + "'");
			}
		}

		private boolean consumeIf(char c) {
			if (peek() == c) {
				this.pos++;
				return true;
			}
			return false;
		}

		private char peek() {
			skipWhitespace();
			return (this.pos < this.text.length()) ? this.text.charAt(this.pos) : 0;
		}

		private char next() {
			if (this.pos >= this.text.length()) {
				throw error("unexpected end");
			}
			return this.text.charAt(this.pos++);
		}

		private void skipWhitespace() {
			while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
				this.pos++;
			}
		}

		private IllegalArgumentException error(String what) {
			return new IllegalArgumentException(
					"malformed ready line (" + what + " at column " + this.pos + "): " + this.text);
		}

	}

}
