package io.fleetgrid.ingest.http;

import org.springframework.test.context.TestPropertySource;

/**
 * {@code POST /api/v1/telemetry} served by the MVC controller behind the observation and
 * security filter chains ({@code fleetgrid.ingest.http.direct=false}): the same answers
 * as the direct path.
 */
@TestPropertySource(properties = "fleetgrid.ingest.http.direct=false")
class MvcTelemetryPathIntegrationTests extends TelemetryEndpointContract {

}
