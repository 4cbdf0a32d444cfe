package io.fleetgrid.stream.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The state view cannot be queried right now (503, retry later).
 */
public class StateUnavailableException extends ResponseStatusException {

	/**
	 * The exception.
	 * @param reason why
	 * @param cause the cause, or null
	 */
	public StateUnavailableException(String reason, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, reason, cause);
	}

}
