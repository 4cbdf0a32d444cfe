package io.fleetgrid.device.credentials;

import io.fleetgrid.device.web.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/v1/credentials/verify}: the credential check for ingest-service
 * (role SERVICE, enforced by the security library for {@code /internal/**}).
 */
@RestController
@RequestMapping("/internal/v1/credentials")
class InternalCredentialController {

	private final CredentialCheck check;

	InternalCredentialController(CredentialCheck check) {
		this.check = check;
	}

	@PostMapping("/verify")
	ResponseEntity<?> verify(@RequestBody VerifyRequest request) {
		Validator validator = new Validator();
		validator.requiredText(request.deviceId(), "deviceId", 64);
		validator.requiredText(request.token(), "token", 256);
		validator.throwIfInvalid();
		return this.check.verify(request.deviceId(), request.token())
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(InternalCredentialController::unauthorized);
	}

	private static ResponseEntity<ProblemDetail> unauthorized() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"Unknown device or wrong token");
		problem.setTitle("Bad device credentials");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
	}

	/**
	 * The credentials to check.
	 *
	 * @param deviceId the device id
	 * @param token the token
	 */
	record VerifyRequest(String deviceId, String token) {

	}

}
