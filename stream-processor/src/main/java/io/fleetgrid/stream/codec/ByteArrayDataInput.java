package io.fleetgrid.stream.codec;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads a byte array through {@link DataInput} (big-endian, as written by
 * {@link java.io.DataOutputStream} or {@link ByteArrayDataOutput}), without the per-call
 * locking of the {@code java.io} streams. A read past the end is an {@link EOFException}.
 */
public final class ByteArrayDataInput implements DataInput {

	private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

	private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	private final byte[] bytes;

	private int position;

	/**
	 * Reads an array from its start.
	 * @param bytes what to read
	 */
	public ByteArrayDataInput(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * Where the next read starts.
	 * @return the offset
	 */
	public int position() {
		return this.position;
	}

	private int take(int length) throws EOFException {
		int at = this.position;
		if (length < 0 || at + length > this.bytes.length) {
			throw new EOFException("value ends after " + this.bytes.length + " bytes");
		}
		this.position = at + length;
		return at;
	}

	/**
	 * Reads a string of UTF-8 bytes; a short one is the instance decoded lately if there
	 * is one ({@link Utf8Strings}).
	 * @param length how many bytes
	 * @return the string
	 * @throws EOFException if fewer bytes are left
	 */
	public String readUtf8(int length) throws EOFException {
		return Utf8Strings.decode(this.bytes, take(length), length);
	}

	/**
	 * Reads a number written by {@link Compact#writeVarLong}.
	 * @return the number
	 * @throws IOException if the value ends first, or the number is longer than 10 bytes
	 */
	public long readVarLong() throws IOException {
		long rest = 0;
		int at = this.position;
		for (int shift = 0; shift < 64; shift += 7) {
			if (at >= this.bytes.length) {
				throw new EOFException("value ends after " + this.bytes.length + " bytes");
			}
			int b = this.bytes[at++];
			rest |= (long) (b & 0x7F) << shift;
			if ((b & 0x80) == 0) {
				this.position = at;
				return (rest >>> 1) ^ -(rest & 1);
			}
		}
		throw new IOException("variable-length integer longer than 10 bytes");
	}

	@Override
	public void readFully(byte[] b) throws IOException {
		readFully(b, 0, b.length);
	}

	@Override
	public void readFully(byte[] b, int off, int len) throws IOException {
		System.arraycopy(this.bytes, take(len), b, off, len);
	}

	@Override
	public int skipBytes(int n) {
		int skipped = Math.max(0, Math.min(n, this.bytes.length - this.position));
		this.position += skipped;
		return skipped;
	}

	@Override
	public boolean readBoolean() throws IOException {
		return this.bytes[take(1)] != 0;
	}

	@Override
	public byte readByte() throws IOException {
		return this.bytes[take(1)];
	}

	@Override
	public int readUnsignedByte() throws IOException {
		return this.bytes[take(1)] & 0xFF;
	}

	@Override
	public short readShort() throws IOException {
		return (short) SHORT.get(this.bytes, take(2));
	}

	@Override
	public int readUnsignedShort() throws IOException {
		return readShort() & 0xFFFF;
	}

	@Override
	public char readChar() throws IOException {
		return (char) readShort();
	}

	@Override
	public int readInt() throws IOException {
		return (int) INT.get(this.bytes, take(4));
	}

	@Override
	public long readLong() throws IOException {
		return (long) LONG.get(this.bytes, take(8));
	}

	@Override
	public float readFloat() throws IOException {
		return Float.intBitsToFloat(readInt());
	}

	@Override
	public double readDouble() throws IOException {
		return Double.longBitsToDouble(readLong());
	}

	@Override
	public String readLine() {
		throw new UnsupportedOperationException("readLine");
	}

	@Override
	public String readUTF() throws IOException {
		return DataInputStream.readUTF(this);
	}

}
