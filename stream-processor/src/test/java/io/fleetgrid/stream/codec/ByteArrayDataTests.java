package io.fleetgrid.stream.codec;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ByteArrayDataTests {

	@Test
	void writesTheBytesOfDataOutputStreamAlsoWhenItGrows() throws IOException {
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		DataOutputStream stream = new DataOutputStream(expected);
		ByteArrayDataOutput output = new ByteArrayDataOutput(3);
		for (DataOutput out : new DataOutput[] { stream, output }) {
			for (int i = 0; i < 2_000; i++) {
				out.writeByte(i);
				out.writeShort(i * 7);
				out.writeInt(i * 1_000_003);
				out.writeLong(i * 9_000_000_000_007L);
				out.writeDouble(i / 3.0);
				out.writeBoolean(i % 2 == 0);
				out.writeUTF("metric-" + i + "-ü€");
				out.write(new byte[] { 1, 2, 3, (byte) i }, 1, 3);
			}
		}
		stream.flush();
		byte[] written = output.toByteArray();
		assertThat(written).isEqualTo(expected.toByteArray());

		ByteArrayDataInput in = new ByteArrayDataInput(written);
		for (int i = 0; i < 2_000; i++) {
			assertThat(in.readByte()).isEqualTo((byte) i);
			assertThat(in.readShort()).isEqualTo((short) (i * 7));
			assertThat(in.readInt()).isEqualTo(i * 1_000_003);
			assertThat(in.readLong()).isEqualTo(i * 9_000_000_000_007L);
			assertThat(in.readDouble()).isEqualTo(i / 3.0);
			assertThat(in.readBoolean()).isEqualTo(i % 2 == 0);
			assertThat(in.readUTF()).isEqualTo("metric-" + i + "-ü€");
			byte[] three = new byte[3];
			in.readFully(three);
			assertThat(three).containsExactly(2, 3, (byte) i);
		}
		assertThatExceptionOfType(EOFException.class).isThrownBy(in::readInt);
	}

	@Test
	void theThreadsOutputStartsEmptyEachTime() {
		ByteArrayDataOutput first = ByteArrayDataOutput.forThread();
		first.writeLong(42);
		ByteArrayDataOutput second = ByteArrayDataOutput.forThread();
		second.writeInt(7);
		assertThat(second.toByteArray()).containsExactly(0, 0, 0, 7);
	}

	@Test
	void aStringIsWrittenAsItsUtf8BytesWithOrWithoutNonAsciiChars() throws IOException {
		for (String text : new String[] { "speedKph", "Zündung ü – 温度", "" }) {
			ByteArrayOutputStream expected = new ByteArrayOutputStream();
			DataOutputStream stream = new DataOutputStream(expected);
			byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			Compact.writeSize(stream, utf8.length + 1);
			stream.write(utf8);
			ByteArrayDataOutput output = new ByteArrayDataOutput(1);

			Compact.writeString(output, text);

			assertThat(output.toByteArray()).as(text).isEqualTo(expected.toByteArray());
			assertThat(Compact.readString(new ByteArrayDataInput(output.toByteArray()))).isEqualTo(text);
		}
	}

}
