package io.fleetgrid.auth.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error answered as {@code application/problem+json} with the given status and detail.
 */
public final class ProblemException extends ErrorResponseException {

	private ProblemException(HttpStatus status, String detail) {
		super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

	/**
	 * A 404: the resource does not exist in the caller's tenant.
	 * @param what what was looked for, e.g. {@code "User 42"}
	 * @return the exception
	 */
	public static ProblemException notFound(String what) {
		return new ProblemException(HttpStatus.NOT_FOUND, what + " not found");
	}

	/**
	 * A 409: the request conflicts with the current state.
	 * @param detail why
	 * @return the exception
	 */
	public static ProblemException conflict(String detail) {
		return new ProblemException(HttpStatus.CONFLICT, detail);
	}

	/**
	 * A 400: the request is not acceptable.
	 * @param detail why, naming the field
	 * @return the exception
	 */
	public static ProblemException badRequest(String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, detail);
	}

	/**
	 * A 403: the caller may not do this.
	 * @param detail why
	 * @return the exception
	 */
	public static ProblemException forbidden(String detail) {
		return new ProblemException(HttpStatus.FORBIDDEN, detail);
	}

}
