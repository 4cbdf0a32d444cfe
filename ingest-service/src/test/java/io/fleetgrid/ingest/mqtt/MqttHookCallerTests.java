package io.fleetgrid.ingest.mqtt;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class MqttHookCallerTests {

	@Test
	void withoutABrokerSecretOnlyTheConfiguredAddressesAreTheBroker() {
		MqttHookController hooks = hooks("");

		assertThat(hooks.isBroker(request("127.0.0.1", null))).isTrue();
		assertThat(hooks.isBroker(request("10.1.2.3", null))).isFalse();
		assertThat(hooks.isBroker(request("10.1.2.3", "anything"))).isFalse();
	}

	@Test
	void aNetworkedBrokerIsRecognisedByItsSharedSecret() {
		MqttHookController hooks = hooks("broker-s3cret");

		assertThat(hooks.isBroker(request("10.1.2.3", "broker-s3cret"))).isTrue();
		assertThat(hooks.isBroker(request("10.1.2.3", "guess"))).isFalse();
		assertThat(hooks.isBroker(request("127.0.0.1", "guess"))).as("a wrong secret is refused from anywhere")
			.isFalse();
		assertThat(hooks.isBroker(request("10.1.2.3", null))).isFalse();
	}

	private static MqttHookController hooks(String brokerSecret) {
		MqttProperties properties = new MqttProperties("", "fleetgrid-ingest", "fleetgrid-ingest", "",
				"devices/+/telemetry", List.of("127.0.0.1"), brokerSecret, Duration.ofSeconds(1), 1);
		return new MqttHookController(new MqttAccess(null, properties), properties);
	}

	private static MockHttpServletRequest request(String address, String secret) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/internal/mqtt/auth");
		request.setRemoteAddr(address);
		if (secret != null) {
			request.addHeader(MqttHookController.BROKER_SECRET_HEADER, secret);
		}
		return request;
	}

}
