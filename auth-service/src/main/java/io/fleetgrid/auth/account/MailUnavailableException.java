package io.fleetgrid.auth.account;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The mail server did not accept a mail: answered 503, the change is rolled back.
 */
public class MailUnavailableException extends ErrorResponseException {

	MailUnavailableException(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The mail could not be sent; try again later"), cause);
	}

}
