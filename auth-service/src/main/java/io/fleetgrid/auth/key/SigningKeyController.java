package io.fleetgrid.auth.key;

import java.util.List;

import io.fleetgrid.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/keys}: the operator lists and rotates the token signing keys.
 */
@RestController
@RequestMapping("/api/v1/keys")
@PreAuthorize("hasRole('OPERATOR')")
class SigningKeyController {

	private final SigningKeyStore keys;

	SigningKeyController(SigningKeyStore keys) {
		this.keys = keys;
	}

	@GetMapping
	Keys list() {
		return new Keys(this.keys.activeKeyId(), this.keys.publishedKeyIds());
	}

	@PostMapping("/rotate")
	Keys rotate(Caller caller) {
		this.keys.rotate(caller.subject());
		return list();
	}

	/**
	 * The signing keys.
	 *
	 * @param active the key that signs new tokens
	 * @param published the keys in the JWKS, newest first
	 */
	record Keys(String active, List<String> published) {
	}

}
