package io.fleetgrid.stream.codec;

import java.io.DataOutput;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable, reusable byte array written through {@link DataOutput} (big-endian, the
 * same bytes as {@link java.io.DataOutputStream}), without the per-call locking of the
 * {@code java.io} streams. One instance per thread ({@link #forThread()}).
 */
public final class ByteArrayDataOutput implements DataOutput {

	private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

	private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	private static final ThreadLocal<ByteArrayDataOutput> PER_THREAD = ThreadLocal
		.withInitial(() -> new ByteArrayDataOutput(4096));

	private byte[] bytes;

	private int size;

	/**
	 * An empty output.
	 * @param capacity initial size of the array
	 */
	public ByteArrayDataOutput(int capacity) {
		this.bytes = new byte[capacity];
	}

	/**
	 * The calling thread's instance, emptied.
	 * @return the output
	 */
	public static ByteArrayDataOutput forThread() {
		ByteArrayDataOutput out = PER_THREAD.get();
		out.reset();
		return out;
	}

	/**
	 * Empties the output (keeping its array).
	 */
	public void reset() {
		this.size = 0;
	}

	/**
	 * A copy of what was written.
	 * @return the bytes
	 */
	public byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.size);
	}

	/**
	 * How many bytes were written.
	 * @return the size
	 */
	public int size() {
		return this.size;
	}

	/**
	 * Makes room for {@code length} bytes (possibly replacing {@link #bytes}: read the
	 * field only after calling this).
	 * @param length how many bytes
	 * @return where they start
	 */
	private int reserve(int length) {
		int at = this.size;
		if (at + length > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, at + length));
		}
		this.size = at + length;
		return at;
	}

	/**
	 * Writes a number in the variable-length zig-zag form of {@link Compact#writeVarLong}
	 * (one capacity check instead of one per byte).
	 * @param value the number
	 */
	public void writeVarLong(long value) {
		int at = reserve(10);
		this.size = Compact.putVarLong(this.bytes, at, value);
	}

	@Override
	public void write(int b) {
		int at = reserve(1);
		this.bytes[at] = (byte) b;
	}

	@Override
	public void write(byte[] b) {
		write(b, 0, b.length);
	}

	@Override
	public void write(byte[] b, int off, int len) {
		int at = reserve(len);
		System.arraycopy(b, off, this.bytes, at, len);
	}

	@Override
	public void writeBoolean(boolean v) {
		write(v ? 1 : 0);
	}

	@Override
	public void writeByte(int v) {
		write(v);
	}

	@Override
	public void writeShort(int v) {
		int at = reserve(2);
		SHORT.set(this.bytes, at, (short) v);
	}

	@Override
	public void writeChar(int v) {
		writeShort(v);
	}

	@Override
	public void writeInt(int v) {
		int at = reserve(4);
		INT.set(this.bytes, at, v);
	}

	@Override
	public void writeLong(long v) {
		int at = reserve(8);
		LONG.set(this.bytes, at, v);
	}

	@Override
	public void writeFloat(float v) {
		writeInt(Float.floatToIntBits(v));
	}

	@Override
	public void writeDouble(double v) {
		writeLong(Double.doubleToLongBits(v));
	}

	@Override
	public void writeBytes(String s) {
		int length = s.length();
		int at = reserve(length);
		byte[] target = this.bytes;
		for (int i = 0; i < length; i++) {
			target[at + i] = (byte) s.charAt(i);
		}
	}

	@Override
	public void writeChars(String s) {
		for (int i = 0; i < s.length(); i++) {
			writeChar(s.charAt(i));
		}
	}

	@Override
	public void writeUTF(String s) throws UTFDataFormatException {
		// modified UTF-8 with an unsigned 16-bit length, as DataOutputStream writes it
		int length = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			length += (c >= 0x0001 && c <= 0x007F) ? 1 : (c <= 0x07FF) ? 2 : 3;
		}
		if (length > 0xFFFF) {
			throw new UTFDataFormatException("encoded string too long: " + length + " bytes");
		}
		writeShort(length);
		int at = reserve(length);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= 0x0001 && c <= 0x007F) {
				this.bytes[at++] = (byte) c;
			}
			else if (c <= 0x07FF) {
				this.bytes[at++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
				this.bytes[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else {
				this.bytes[at++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
				this.bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				this.bytes[at++] = (byte) (0x80 | (c & 0x3F));
			}
		}
	}

}
