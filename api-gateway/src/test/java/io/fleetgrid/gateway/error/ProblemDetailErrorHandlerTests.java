package io.fleetgrid.gateway.error;

import java.net.ConnectException;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.MethodNotAllowedException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailErrorHandlerTests {

	@Test
	void serviceWithoutInstancesIsUnavailableWithoutNamingIt() {
		ProblemDetail problem = ProblemDetailErrorHandler
			.toProblem(NotFoundException.create(false, "Unable to find instance for device-service"));

		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getDetail()).doesNotContain("device-service");
	}

	@Test
	void unreachableInstanceIsUnavailable() {
		ProblemDetail problem = ProblemDetailErrorHandler
			.toProblem(new IllegalStateException("wrapped", new ConnectException("Connection refused")));

		assertThat(problem.getStatus()).isEqualTo(503);
	}

	@Test
	void unexpectedErrorIsInternalWithoutItsMessage() {
		ProblemDetail problem = ProblemDetailErrorHandler.toProblem(new IllegalStateException("db password=x"));

		assertThat(problem.getStatus()).isEqualTo(500);
		assertThat(problem.getDetail()).doesNotContain("password");
	}

	@Test
	void keepsTheStatusOfOtherHttpErrors() {
		ProblemDetail problem = ProblemDetailErrorHandler.toProblem(new MethodNotAllowedException("TRACE", Set.of()));

		assertThat(problem.getStatus()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED.value());
	}

}
