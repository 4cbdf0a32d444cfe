package io.fleetgrid.device.registry;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CsvTests {

	@Test
	void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
		List<List<String>> records = Csv.parse("id,name\r\nveh-1,\"Van, \"\"big\"\"\nblue\"\r\nveh-2,\r\n");

		assertThat(records).containsExactly(List.of("id", "name"), List.of("veh-1", "Van, \"big\"\nblue"),
				List.of("veh-2", ""));
	}

	@Test
	void writesWhatItReads() {
		StringBuilder out = new StringBuilder();
		Csv.write(List.of("a,b", "say \"hi\"", "plain"), out);

		assertThat(Csv.parse(out.toString())).containsExactly(List.of("a,b", "say \"hi\"", "plain"));
	}

	@Test
	void neutralisesFormulasButNotNegativeNumbersWhenWriting() {
		StringBuilder out = new StringBuilder();
		Csv.write(List.of("=HYPERLINK(\"http://evil\")", "+1+2", "@SUM(A1)", "-33.9", "-", "plain"), out);

		List<String> written = Csv.parse(out.toString()).get(0);
		assertThat(written).containsExactly("'=HYPERLINK(\"http://evil\")", "'+1+2", "'@SUM(A1)", "-33.9", "'-",
				"plain");
		assertThat(written.stream().map(Csv::unprotect)).containsExactly("=HYPERLINK(\"http://evil\")", "+1+2",
				"@SUM(A1)", "-33.9", "-", "plain");
	}

	@Test
	void leavesAnApostropheThatProtectsNothing() {
		assertThat(Csv.unprotect("'quoted")).isEqualTo("'quoted");
		assertThat(Csv.unprotect("'")).isEqualTo("'");
	}

	@Test
	void rejectsAnUnclosedQuote() {
		assertThatIllegalArgumentException().isThrownBy(() -> Csv.parse("id\n\"veh-1\n"))
			.withMessageContaining("not closed");
	}

}
