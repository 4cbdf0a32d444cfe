package io.fleetgrid.localstack.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EurekaRegistryTests {

	@Test
	void reportsOnlyApplicationsWithAnInstanceUp() {
		String xml = """
				<applications>
				  <application>
				    <name>DEVICE-SERVICE</name>
				    <instance><app>DEVICE-SERVICE</app><status>UP</status></instance>
				  </application>
				  <application>
				    <name>INGEST-SERVICE</name>
				    <instance><app>INGEST-SERVICE</app><status>STARTING</status></instance>
				  </application>
				  <application>
				    <name>API-GATEWAY</name>
				    <instance><app>API-GATEWAY</app><status>DOWN</status></instance>
				    <instance><app>API-GATEWAY</app><status>UP</status></instance>
				  </application>
				</applications>
				""";
		assertThat(EurekaRegistry.parseUp(xml)).containsExactly("api-gateway", "device-service");
	}

	@Test
	void anEmptyRegistryHasNothingUp() {
		assertThat(EurekaRegistry.parseUp("<applications><versions__delta>1</versions__delta></applications>"))
			.isEmpty();
	}

}
