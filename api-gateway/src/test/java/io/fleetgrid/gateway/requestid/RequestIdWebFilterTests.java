package io.fleetgrid.gateway.requestid;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdWebFilterTests {

	@Test
	void keepsAWellFormedRequestId() {
		assertThat(RequestIdWebFilter.resolve("batch-7:item.42")).isEqualTo("batch-7:item.42");
	}

	@Test
	void replacesMissingOverlongOrUnsafeRequestIds() {
		assertThat(RequestIdWebFilter.resolve(null)).hasSize(36);
		assertThat(RequestIdWebFilter.resolve("x".repeat(129))).hasSize(36);
		assertThat(RequestIdWebFilter.resolve("a b\r\nSet-Cookie: x")).hasSize(36);
	}

}
