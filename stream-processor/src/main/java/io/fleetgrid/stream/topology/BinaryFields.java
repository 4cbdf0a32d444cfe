package io.fleetgrid.stream.topology;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.stream.codec.ByteArrayDataInput;
import io.fleetgrid.stream.codec.Compact;

/**
 * The field encodings of the binary {@code device-memory} format
 * ({@link DeviceMemorySerde}): nullable strings, instants, numbers and points behind a
 * presence byte, and JSON-like values (metrics, alert details) with a type tag. A value
 * of a type without a tag (something a JSON round trip would have turned into text or a
 * map) is stored as its JSON and read back as JSON values, as the JSON format of earlier
 * versions did.
 */
final class BinaryFields {

	private static final byte NULL = 0;

	private static final byte FALSE = 1;

	private static final byte TRUE = 2;

	private static final byte INT = 3;

	private static final byte LONG = 4;

	private static final byte DOUBLE = 5;

	private static final byte TEXT = 6;

	private static final byte LIST = 7;

	private static final byte MAP = 8;

	private static final byte JSON = 9;

	private BinaryFields() {
	}

	static void writeString(DataOutput out, String value) throws IOException {
		if (value == null) {
			out.writeInt(-1);
			return;
		}
		if (Compact.isAscii(value)) {
			out.writeInt(value.length());
			out.writeBytes(value);
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	static String readString(DataInput in) throws IOException {
		int length = in.readInt();
		if (length < 0) {
			return null;
		}
		if (in instanceof ByteArrayDataInput array) {
			return array.readUtf8(length);
		}
		byte[] bytes = new byte[length];
		in.readFully(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	static void writeStrings(DataOutput out, List<String> values) throws IOException {
		out.writeInt(values.size());
		for (String value : values) {
			writeString(out, value);
		}
	}

	static List<String> readStrings(DataInput in) throws IOException {
		int size = in.readInt();
		List<String> values = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			values.add(readString(in));
		}
		return values;
	}

	static void writeMap(DataOutput out, Map<String, ?> map) throws IOException {
		out.writeInt(map.size());
		for (Map.Entry<String, ?> entry : map.entrySet()) {
			writeString(out, entry.getKey());
			writeValue(out, entry.getValue());
		}
	}

	static Map<String, Object> readMap(DataInput in, Map<String, Object> into) throws IOException {
		int size = in.readInt();
		for (int i = 0; i < size; i++) {
			into.put(readString(in), readValue(in));
		}
		return into;
	}

	static void writeValue(DataOutput out, Object value) throws IOException {
		switch (value) {
			case null -> out.writeByte(NULL);
			case Boolean flag -> out.writeByte(flag ? TRUE : FALSE);
			case Integer number -> {
				out.writeByte(INT);
				out.writeInt(number);
			}
			case Short number -> {
				out.writeByte(INT);
				out.writeInt(number);
			}
			case Byte number -> {
				out.writeByte(INT);
				out.writeInt(number);
			}
			case Long number -> {
				out.writeByte(LONG);
				out.writeLong(number);
			}
			case Double number -> {
				out.writeByte(DOUBLE);
				out.writeDouble(number);
			}
			case Float number -> {
				out.writeByte(DOUBLE);
				out.writeDouble(number);
			}
			case String text -> {
				out.writeByte(TEXT);
				writeString(out, text);
			}
			case List<?> list -> {
				out.writeByte(LIST);
				out.writeInt(list.size());
				for (Object item : list) {
					writeValue(out, item);
				}
			}
			case Map<?, ?> map when map.keySet().stream().allMatch(String.class::isInstance) -> {
				out.writeByte(MAP);
				@SuppressWarnings("unchecked")
				Map<String, ?> object = (Map<String, ?>) map;
				writeMap(out, object);
			}
			default -> {
				out.writeByte(JSON);
				byte[] json = JsonSerdes.mapper().writeValueAsBytes(value);
				out.writeInt(json.length);
				out.write(json);
			}
		}
	}

	static Object readValue(DataInput in) throws IOException {
		byte tag = in.readByte();
		return switch (tag) {
			case NULL -> null;
			case FALSE -> Boolean.FALSE;
			case TRUE -> Boolean.TRUE;
			case INT -> in.readInt();
			case LONG -> in.readLong();
			case DOUBLE -> in.readDouble();
			case TEXT -> readString(in);
			case LIST -> {
				int size = in.readInt();
				List<Object> list = new ArrayList<>(size);
				for (int i = 0; i < size; i++) {
					list.add(readValue(in));
				}
				yield Collections.unmodifiableList(list);
			}
			case MAP -> Collections.unmodifiableMap(readMap(in, new LinkedHashMap<>()));
			case JSON -> {
				byte[] json = new byte[in.readInt()];
				in.readFully(json);
				yield JsonSerdes.mapper().readValue(json, Object.class);
			}
			default -> throw new IOException("unknown value tag " + tag);
		};
	}

}
