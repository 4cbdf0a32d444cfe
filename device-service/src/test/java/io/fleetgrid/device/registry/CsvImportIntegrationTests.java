package io.fleetgrid.device.registry;

import io.fleetgrid.device.support.DeviceIntegrationTestSupport;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk CSV import (all-or-nothing with a report per row) and export.
 */
class CsvImportIntegrationTests extends DeviceIntegrationTestSupport {

	private final int port;

	CsvImportIntegrationTests(@Autowired ApplicationContext context) {
		super(context);
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	@Test
	void aFileWithOneBadRowImportsNothingAndReportsTheRowAndReason() {
		String tenant = unique("t");
		String good = unique("veh");
		String bad = unique("veh");
		String csv = """
				id,type,name,vin,fuelType
				%s,VEHICLE,Van 1,1M8GDM9AXKP042788,diesel
				%s,VEHICLE,Van 2,1M8GDM9A1KP042788,DIESEL
				""".formatted(good, bad);

		ResponseEntity<String> response = importCsv(TestTokens.bearer(tenant, Role.FLEET_MANAGER), csv);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json(response).read("$.rows.length()", Integer.class)).isEqualTo(1);
		assertThat(json(response).read("$.rows[0].line", Integer.class)).isEqualTo(3);
		assertThat(json(response).read("$.rows[0].field", String.class)).isEqualTo("vehicle.vin");
		assertThat(json(response).read("$.rows[0].message", String.class)).contains("check digit");
		assertThat(jdbc().sql("select count(*) from device where tenant_id = :tenant")
			.param("tenant", tenant)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void reportsEveryBadRowIncludingDuplicateIds() {
		String twice = unique("inv");
		String csv = """
				id,type,name,ratedPowerKw,timeZone
				%s,INVERTER,Roof,ten,Europe/Berlin
				%s,INVERTER,Roof,10,Mars/Base
				%s,INVERTER,Shed,10,
				%s,INVERTER,Shed again,10,
				""".formatted(unique("inv"), unique("inv"), twice, twice);

		ResponseEntity<String> response = importCsv(TestTokens.bearer(unique("t"), Role.FLEET_MANAGER), csv);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(strings(response, "$.rows[*].field")).containsExactly("ratedPowerKw", "timeZone", "id");
		assertThat(json(response).read("$.rows[2].line", Integer.class)).isEqualTo(5);
	}

	@Test
	void aGoodFileImportsEveryDeviceWithItsTokenAndExportsThemAgain() {
		String tenant = unique("t");
		String vehicle = unique("veh");
		String meter = unique("mtr");
		String csv = """
				id,type,name,tags,plate,model,vendor,siteLat,siteLon,timeZone
				%s,VEHICLE,"Van, blue",north|cold,B-FG 7,Sprinter,,,,
				%s,METER,Main meter,,,,ACME,52.5,13.4,Europe/Berlin
				""".formatted(vehicle, meter);

		ResponseEntity<String> response = importCsv(TestTokens.bearer(tenant, Role.FLEET_MANAGER), csv);

		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
		assertThat(json(response).read("$.imported", Integer.class)).isEqualTo(2);
		assertThat(strings(response, "$.devices[*].token")).hasSize(2).allMatch((token) -> token.length() == 43);
		String exported = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/api/v1/devices/export")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(tenant, Role.FLEET_MANAGER))
			.retrieve()
			.body(String.class);
		assertThat(exported).startsWith("id,type,name,groupId,tags")
			.contains(vehicle + ",VEHICLE,\"Van, blue\",,north|cold,")
			.contains("Sprinter")
			.contains(meter + ",METER,Main meter,")
			.contains("Europe/Berlin");
	}

	@Test
	void aUserCannotImport() {
		ResponseEntity<String> response = importCsv(TestTokens.bearer(unique("t"), Role.USER),
				"id,type,name\n" + unique("veh") + ",VEHICLE,Van\n");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private ResponseEntity<String> importCsv(String authorization, String csv) {
		return RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/api/v1/devices/import")
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(new MediaType("text", "csv"))
			.body(csv)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

}
