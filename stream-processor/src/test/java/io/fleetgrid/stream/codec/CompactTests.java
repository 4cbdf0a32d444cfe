package io.fleetgrid.stream.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.fleetgrid.contracts.event.GeoPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CompactTests {

	@ParameterizedTest
	@ValueSource(longs = { 0, 1, -1, 63, -64, 64, -65, 300, 1_700_000_000_000L, -1_700_000_000_000L, Long.MAX_VALUE,
			Long.MIN_VALUE })
	void variableLengthLongsReadBackAsWritten(long value) throws IOException {
		byte[] bytes = write((out) -> Compact.writeVarLong(out, value));
		assertThat(Compact.readVarLong(in(bytes))).isEqualTo(value);
		assertThat(bytes.length).isLessThanOrEqualTo(10);
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, 1, -1, 63, -64, 64, -65, 300, 1_700_000_000_000L, -1_700_000_000_000L, Long.MAX_VALUE,
			Long.MIN_VALUE })
	void variableLengthLongsInArraysAreTheBytesOfTheStreams(long value) throws IOException {
		ByteArrayDataOutput out = new ByteArrayDataOutput(1);
		out.writeByte(7);
		Compact.writeVarLong(out, value);
		byte[] bytes = out.toByteArray();
		assertThat(bytes)
			.containsExactly(concat(new byte[] { 7 }, write((stream) -> Compact.writeVarLong(stream, value))));
		ByteArrayDataInput in = new ByteArrayDataInput(bytes);
		assertThat(in.readByte()).isEqualTo((byte) 7);
		assertThat(Compact.readVarLong(in)).isEqualTo(value);
		assertThat(in.position()).isEqualTo(bytes.length);
	}

	@Test
	void smallNumbersTakeOneByte() throws IOException {
		assertThat(write((out) -> Compact.writeVarLong(out, -64))).hasSize(1);
		assertThat(write((out) -> Compact.writeVarLong(out, 63))).hasSize(1);
		assertThat(write((out) -> Compact.writeVarLong(out, 64))).hasSize(2);
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.0, -0.0, 1.0, 0.1, 61.5, -17.25, 52.1234567, 52.12345678, 13.405, 1e-9, 1e10, 1e11,
			1e300, -1e300, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
			Double.NEGATIVE_INFINITY, 0.30000000000000004, 1234.5678 })
	void doublesReadBackBitForBit(double value) throws IOException {
		byte[] bytes = write((out) -> Compact.writeDouble(out, value));
		assertThat(Double.doubleToRawLongBits(Compact.readDouble(in(bytes))))
			.isEqualTo(Double.doubleToRawLongBits(value));
		assertThat(Double.doubleToRawLongBits(Compact.readNullableDouble(in(bytes))))
			.isEqualTo(Double.doubleToRawLongBits(value));
	}

	@Test
	void shortDecimalsTakeFewBytesAndTheRestNine() throws IOException {
		assertThat(write((out) -> Compact.writeDouble(out, 9.0))).hasSize(2);
		assertThat(write((out) -> Compact.writeDouble(out, 90.0))).hasSize(3);
		assertThat(write((out) -> Compact.writeDouble(out, 61.5))).hasSize(3);
		assertThat(write((out) -> Compact.writeDouble(out, 0.30000000000000004))).hasSize(9);
		assertThat(write((out) -> Compact.writeDouble(out, -0.0))).hasSize(9);
	}

	@Test
	void aNullNumberIsNullAndNotANumberWhereOneIsRequired() throws IOException {
		byte[] bytes = write((out) -> Compact.writeDouble(out, (Double) null));
		assertThat(Compact.readNullableDouble(in(bytes))).isNull();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> Compact.readDouble(in(bytes)));
	}

	@Test
	void instantsReadBackAsWritten() throws IOException {
		for (Instant instant : new Instant[] { null, Instant.EPOCH, Instant.parse("2026-06-21T10:00:00.123Z"),
				Instant.parse("2026-06-21T10:00:00.123456789Z"), Instant.parse("1969-12-31T23:59:59.999Z"), Instant.MIN,
				Instant.MAX }) {
			assertThat(Compact.readInstant(in(write((out) -> Compact.writeInstant(out, instant))))).isEqualTo(instant);
		}
		assertThat(write((out) -> Compact.writeInstant(out, Instant.parse("2026-06-21T10:00:00.123Z"))))
			.hasSizeLessThanOrEqualTo(8);
	}

	@Test
	void stringsReadBackAsWritten() throws IOException {
		for (String text : new String[] { null, "", "speedKph", "Zündung ü – 温度" }) {
			assertThat(Compact.readString(in(write((out) -> Compact.writeString(out, text))))).isEqualTo(text);
		}
	}

	@Test
	void aGpsRouteTakesAFewBytesAPointAndReadsBackExactly() throws IOException {
		List<GeoPoint> route = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			// as read from JSON: the doubles nearest to 5-decimal numbers
			route.add(new GeoPoint(Double.parseDouble(String.format(Locale.ROOT, "%.5f", 52.5 + i * 0.0002)),
					Double.parseDouble(String.format(Locale.ROOT, "%.5f", 13.4 - i * 0.00013))));
		}
		byte[] bytes = write((out) -> Compact.writeRoute(out, route));
		assertThat(Compact.readRoute(in(bytes))).isEqualTo(route);
		assertThat(bytes.length).isLessThan(100 * 5);
	}

	@Test
	void aRouteIsKeptToATenMillionthOfADegree() throws IOException {
		List<GeoPoint> route = List.of(new GeoPoint(52.5, 13.4), new GeoPoint(52.123456789, 13.4),
				new GeoPoint(-33.9, 151.2), new GeoPoint(52.5 + 3 * 0.0002, -0.0));
		List<GeoPoint> read = Compact.readRoute(in(write((out) -> Compact.writeRoute(out, route))));
		assertThat(read).containsExactly(new GeoPoint(52.5, 13.4), new GeoPoint(52.1234568, 13.4),
				new GeoPoint(-33.9, 151.2), new GeoPoint(52.5006, 0.0));
		assertThat(read).isEqualTo(route.stream().map(Compact::onRouteScale).toList());
		assertThat(Compact.onRouteScale(read.get(1))).isSameAs(read.get(1));
		assertThat(Compact.readRoute(in(write((out) -> Compact.writeRoute(out, List.of()))))).isEmpty();
	}

	@Test
	void aTruncatedValueIsAnError() throws IOException {
		byte[] bytes = write((out) -> Compact.writeVarLong(out, 1_700_000_000_000L));
		byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
		assertThatExceptionOfType(EOFException.class).isThrownBy(() -> Compact.readVarLong(in(truncated)));
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> Compact.readVarLong(in(new byte[] { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 })));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> Compact.readDouble(in(new byte[] { 42 })));
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> Compact.readVarLong(new ByteArrayDataInput(truncated)));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> Compact
			.readVarLong(new ByteArrayDataInput(new byte[] { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 })));
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static byte[] write(Writer writer) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			writer.write(out);
		}
		return bytes.toByteArray();
	}

	private static DataInputStream in(byte[] bytes) {
		return new DataInputStream(new ByteArrayInputStream(bytes));
	}

	@FunctionalInterface
	private interface Writer {

		void write(DataOutputStream out) throws IOException;

	}

}
