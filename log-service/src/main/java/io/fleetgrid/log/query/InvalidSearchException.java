package io.fleetgrid.log.query;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A search parameter is invalid: answered as a 400 problem+json whose detail names the
 * parameter (also in the {@code parameter} property).
 */
public class InvalidSearchException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	/**
	 * An invalid parameter.
	 * @param parameter the parameter's name
	 * @param message what is wrong with it
	 */
	public InvalidSearchException(String parameter, String message) {
		super(HttpStatus.BAD_REQUEST, problem(parameter, message), null);
	}

	private static ProblemDetail problem(String parameter, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": " + message);
		problem.setTitle("Invalid search parameter");
		problem.setType(URI.create("https://fleetgrid.io/problems/invalid-search-parameter"));
		problem.setProperty("parameter", parameter);
		return problem;
	}

}
