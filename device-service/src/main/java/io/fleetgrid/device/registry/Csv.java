package io.fleetgrid.device.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader and writer: comma-separated fields, optionally in double quotes
 * (a quote inside written twice), records separated by CRLF or LF.
 */
final class Csv {

	private Csv() {
	}

	/**
	 * Parses CSV text.
	 * @param text the text
	 * @return the records, each a list of fields (a trailing empty line is ignored)
	 * @throws IllegalArgumentException for an unterminated quoted field
	 */
	static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i += 2;
						continue;
					}
					quoted = false;
				}
				else {
					field.append(c);
				}
				i++;
				continue;
			}
			if (c == '"' && field.isEmpty()) {
				quoted = true;
				fieldStarted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
				fieldStarted = true;
			}
			else if (c == '\n' || c == '\r') {
				if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
					record.add(field.toString());
					records.add(record);
				}
				record = new ArrayList<>();
				field.setLength(0);
				fieldStarted = false;
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
			}
			else {
				field.append(c);
				fieldStarted = true;
			}
			i++;
		}
		if (quoted) {
			throw new IllegalArgumentException("line " + (records.size() + 1) + ": a quoted field is not closed");
		}
		if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}

	/**
	 * Writes one record.
	 * @param fields the fields (null is written as empty)
	 * @param out where to append it, with CRLF
	 */
	static void write(List<String> fields, StringBuilder out) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			String value = protect((fields.get(i) != null) ? fields.get(i) : "");
			if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
					|| value.indexOf('\r') >= 0) {
				out.append('"').append(value.replace("\"", "\"\"")).append('"');
			}
			else {
				out.append(value);
			}
		}
		out.append("\r\n");
	}

	/**
	 * Neutralises a text that a spreadsheet would run as a formula (it starts with
	 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) by putting
	 * an apostrophe in front, as OWASP recommends for CSV exports; numbers such as
	 * {@code -33.9} stay as they are. {@link #unprotect(String)} undoes it on import, so
	 * an export imports back unchanged.
	 * @param value the field
	 * @return the field as written
	 */
	static String protect(String value) {
		if (value.isEmpty() || !isFormulaStart(value.charAt(0)) || isNumber(value)) {
			return value;
		}
		return "'" + value;
	}

	/**
	 * Removes the apostrophe that {@link #protect(String)} put in front of a formula-like
	 * field.
	 * @param value the field as read
	 * @return the field as meant
	 */
	static String unprotect(String value) {
		if (value.length() > 1 && value.charAt(0) == '\'' && isFormulaStart(value.charAt(1))) {
			return value.substring(1);
		}
		return value;
	}

	private static boolean isFormulaStart(char first) {
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	private static boolean isNumber(String value) {
		try {
			Double.parseDouble(value);
			return Character.isDigit(value.charAt(value.length() - 1));
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}
