package io.fleetgrid.stream.codec;

import java.time.Instant;
import java.util.Random;

/**
 * Random values for the tests that hold the hand-written JSON writers to the contracts'
 * mapper: texts with everything JSON escapes or encodes in more than one byte, and
 * instants with every length of fraction {@link Instant#toString()} writes.
 */
public final class JsonSamples {

	private static final String[] TEXTS = { "veh-1", "", "a/b", "quote \" and back\\slash", "line\nbreak\ttab\r\b\f",
			"\u0001\u001f\u007f", "Zündung – 温度 😀", "\u2028\u2029", "plain ascii text",
			"Speed 112 km/h above the limit of 90 km/h" };

	private JsonSamples() {
	}

	/**
	 * One of the sample texts.
	 * @param random the source
	 * @return a text
	 */
	public static String text(Random random) {
		return TEXTS[random.nextInt(TEXTS.length)];
	}

	/**
	 * An instant of the 2020s and 2030s with no fraction, or milli-, micro- or
	 * nanoseconds.
	 * @param random the source
	 * @return an instant
	 */
	public static Instant instant(Random random) {
		return Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), switch (random.nextInt(4)) {
			case 0 -> 0;
			case 1 -> random.nextInt(1_000) * 1_000_000;
			case 2 -> random.nextInt(1_000_000) * 1_000;
			default -> random.nextInt(1_000_000_000);
		});
	}

}
