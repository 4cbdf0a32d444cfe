package io.fleetgrid.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens, security headers, CORS and request size limits, over real HTTP.
 */
class GatewaySecurityIntegrationTests extends GatewayTestSupport {

	@Test
	void acceptsATokenSignedByTheIssuersKey() throws Exception {
		HttpResponse<String> response = send(
				request("GET", "/api/v1/devices").header("Authorization", ISSUER.bearer("client-ok", "demo", "USER")));

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesACallWithoutTokenWithUnauthorizedProblem() throws Exception {
		HttpResponse<String> response = send(request("GET", "/api/v1/devices"));

		assertProblem(response, 401, "/api/v1/devices");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void refusesAnExpiredToken() throws Exception {
		HttpResponse<String> response = send(
				request("GET", "/api/v1/devices").header("Authorization", ISSUER.expiredBearer()));

		assertProblem(response, 401, "/api/v1/devices");
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
	}

	@Test
	void refusesATokenWithAWrongSignature() throws Exception {
		HttpResponse<String> response = send(
				request("GET", "/api/v1/devices").header("Authorization", ISSUER.wrongSignatureBearer()));

		assertProblem(response, 401, "/api/v1/devices");
	}

	@Test
	void refusesAnApiCallFromABrowserWithoutSessionWithoutRedirect() throws Exception {
		HttpResponse<String> response = send(request("GET", "/api/v1/devices").header("Accept", "text/html"));

		assertProblem(response, 401, "/api/v1/devices");
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void refusesAStateChangeWithoutAnyCredentialsWithUnauthorized() throws Exception {
		HttpResponse<String> response = send(request("POST", "/api/v1/devices"));

		assertProblem(response, 401, "/api/v1/devices");
	}

	@Test
	void refusesACookieCarryingStateChangeWithoutCsrfToken() throws Exception {
		HttpResponse<String> response = send(request("POST", "/api/v1/devices").header("Cookie", "SESSION=forged"));

		assertProblem(response, 403, "/api/v1/devices");
		assertThat(json(response).read("$.detail", String.class)).contains("CSRF");
	}

	@Test
	void bearerCallsNeedNoCsrfTokenEvenWithCookies() throws Exception {
		HttpResponse<String> response = send(
				request("POST", "/api/v1/devices").header("Authorization", token()).header("Cookie", "other=1"));

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void sendsSecurityHeaders() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/devices");

		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("default-src 'self'")
			.contains("frame-ancestors 'none'")
			.contains("form-action 'self' " + ISSUER.uri());
		assertThat(response.headers().firstValue("Strict-Transport-Security")).as("HSTS only in prod").isEmpty();
	}

	@Test
	void honoursAPreflightFromAConfiguredOrigin() throws Exception {
		HttpResponse<String> response = send(preflight(ALLOWED_ORIGIN));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
	}

	@Test
	void refusesAPreflightFromAnotherOrigin() throws Exception {
		HttpResponse<String> response = send(preflight("https://evil.example.net"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void refusesTelemetryLargerThan256KibWithContentTooLargeProblem() throws Exception {
		HttpResponse<String> response = send(telemetry(256 * 1024 + 1));

		assertProblem(response, 413, "/api/v1/telemetry");
	}

	@Test
	void acceptsTelemetryOf256Kib() throws Exception {
		HttpResponse<String> response = send(telemetry(256 * 1024));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).read("$.bodySize", Integer.class)).isEqualTo(256 * 1024);
	}

	@Test
	void refusesAChunkedTelemetryBodyOverTheLimit() throws Exception {
		byte[] chunk = new byte[64 * 1024];
		// A publisher of unknown length is sent chunked (no Content-Length).
		HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(
				() -> new java.io.SequenceInputStream(Collections.enumeration(java.util.stream.IntStream.range(0, 5)
					.mapToObj((i) -> (java.io.InputStream) new java.io.ByteArrayInputStream(chunk))
					.toList())));
		HttpResponse<String> response = send(
				request("POST", "/api/v1/telemetry").POST(chunked).header("Authorization", basic("truck-big")));

		assertProblem(response, 413, "/api/v1/telemetry");
	}

	@Test
	void otherRoutesAcceptLargerBodiesUpToTheirLimit() throws Exception {
		HttpResponse<String> response = send(
				request("POST", "/api/v1/devices").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[300 * 1024]))
					.header("Authorization", token()));

		assertThat(response.statusCode()).isEqualTo(200);
	}

	private HttpRequest.Builder telemetry(int size) {
		return request("POST", "/api/v1/telemetry").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[size]))
			.header("Authorization", basic("truck-" + size));
	}

	private HttpRequest.Builder preflight(String origin) {
		return request("OPTIONS", "/api/v1/devices").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "Authorization, Content-Type");
	}

	static String basic(String deviceId) {
		return "Basic " + Base64.getEncoder().encodeToString((deviceId + ":token").getBytes());
	}

}
