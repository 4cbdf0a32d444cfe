package io.fleetgrid.simulator;

import java.util.List;
import java.util.Map;

import io.fleetgrid.simulator.model.DeviceCredential;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatorMainTests {

	@Test
	void parsesRepeatableOptionsInBothSpellings() {
		Map<String, List<String>> options = SimulatorMain
			.parse(new String[] { "--device", "a,t,VEHICLE", "--device=b,u,inverter", "--rate", "100" });
		assertThat(options.get("device")).containsExactly("a,t,VEHICLE", "b,u,inverter");
		assertThat(options.get("rate")).containsExactly("100");
	}

	@Test
	void refusesUnknownOptionsAndMissingValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.parse(new String[] { "--speed", "1" }));
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.parse(new String[] { "--rate" }));
	}

	@Test
	void readsCredentialLinesAndNamesTheBadOne() {
		assertThat(DeviceCredential.parse("veh-1, tok ,vehicle", "x"))
			.isEqualTo(new DeviceCredential("veh-1", "tok", "VEHICLE"));
		assertThatIllegalArgumentException().isThrownBy(() -> DeviceCredential.parse("veh-1,tok", "devices.csv:3"))
			.withMessageContaining("devices.csv:3");
	}

}
