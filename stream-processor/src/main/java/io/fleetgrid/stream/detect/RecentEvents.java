package io.fleetgrid.stream.detect;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identities of a device's most recent events (event time and sequence number), to
 * drop duplicates: a ring of the last {@value DeviceMemory#RECENT} in one array of
 * primitives, so that checking an event reads one or two cache lines instead of following
 * 32 boxed numbers. Written in JSON as an array, oldest first.
 */
public final class RecentEvents {

	private final long[] identities = new long[DeviceMemory.RECENT];

	private int size;

	/** Index of the oldest identity once the ring is full (0 before). */
	private int oldest;

	/**
	 * Identities, oldest first; beyond the capacity only the newest are kept.
	 * @param identities the identities
	 * @return the ring
	 */
	public static RecentEvents of(long... identities) {
		RecentEvents recent = new RecentEvents();
		for (long identity : identities) {
			recent.add(identity);
		}
		return recent;
	}

	/**
	 * The ring of a JSON array (a varargs factory is not one Jackson calls with the
	 * array).
	 * @param identities the identities, oldest first
	 * @return the ring
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static RecentEvents fromJson(long[] identities) {
		return of(identities);
	}

	/**
	 * Whether an identity is among the recent ones.
	 * @param identity the identity
	 * @return true if it is
	 */
	public boolean contains(long identity) {
		// the filled slots are 0..size-1, in whatever order
		for (int i = 0; i < this.size; i++) {
			if (this.identities[i] == identity) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Adds the newest identity, forgetting the oldest when full.
	 * @param identity the identity
	 */
	public void add(long identity) {
		if (this.size < this.identities.length) {
			this.identities[this.size++] = identity;
		}
		else {
			this.identities[this.oldest] = identity;
			this.oldest = (this.oldest + 1) % this.identities.length;
		}
	}

	/**
	 * How many identities are kept.
	 * @return the count
	 */
	public int size() {
		return this.size;
	}

	/**
	 * An identity by age.
	 * @param index 0 for the oldest kept
	 * @return the identity
	 */
	public long get(int index) {
		if (index < 0 || index >= this.size) {
			throw new IndexOutOfBoundsException(index);
		}
		return this.identities[(this.oldest + index) % this.identities.length];
	}

	/**
	 * The identities, oldest first.
	 * @return a new array
	 */
	@JsonValue
	public long[] toArray() {
		long[] ordered = new long[this.size];
		for (int i = 0; i < this.size; i++) {
			ordered[i] = get(i);
		}
		return ordered;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RecentEvents recent && Arrays.equals(toArray(), recent.toArray());
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(toArray());
	}

	@Override
	public String toString() {
		return Arrays.toString(toArray());
	}

}
