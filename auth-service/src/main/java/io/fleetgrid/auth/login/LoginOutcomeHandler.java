package io.fleetgrid.auth.login;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.fleetgrid.auth.audit.AuditPublisher;
import io.fleetgrid.auth.config.AuthProperties;
import io.fleetgrid.auth.user.AppUser;
import io.fleetgrid.auth.user.UserRepository;
import io.fleetgrid.contracts.event.AuditEvent.Outcome;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Counts failed logins, locks an account after {@code fleetgrid.auth.login.max-failures}
 * failures in a row for {@code fleetgrid.auth.login.lockout}, resets the count on
 * success, and audits {@code LOGIN_SUCCEEDED}, {@code LOGIN_FAILED} and
 * {@code LOCKED_OUT}.
 */
class LoginOutcomeHandler implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final Logger LOGGER = LoggerFactory.getLogger(LoginOutcomeHandler.class);

	private final UserRepository users;

	private final AuditPublisher audit;

	private final AuthProperties.Login settings;

	private final Clock clock;

	private final SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();

	LoginOutcomeHandler(UserRepository users, AuditPublisher audit, AuthProperties properties, Clock clock) {
		this.users = users;
		this.audit = audit;
		this.settings = properties.login();
		this.clock = clock;
		this.redirect.setDefaultTargetUrl("/login?signedIn");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		UUID id = UUID.fromString(authentication.getName());
		this.users.recordSuccess(id);
		String tenant = this.users.findById(id).map(AppUser::tenantId).orElse(null);
		this.audit.publish(tenant, id.toString(), "LOGIN_SUCCEEDED", id.toString(), Outcome.SUCCESS,
				Map.of("remoteAddress", request.getRemoteAddr()));
		this.redirect.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String email = request.getParameter("username");
		AppUser user = (email != null) ? this.users.findByEmail(email.trim()).orElse(null) : null;
		String reason = reason(exception);
		String error = "credentials";
		if (user == null) {
			this.audit.publish(null, "anonymous", "LOGIN_FAILED", null, Outcome.FAILURE,
					Map.of("reason", "unknown user", "remoteAddress", request.getRemoteAddr()));
		}
		else {
			String userId = user.id().toString();
			this.audit.publish(user.tenantId(), userId, "LOGIN_FAILED", userId, Outcome.FAILURE,
					Map.of("reason", reason, "remoteAddress", request.getRemoteAddr()));
			if (exception instanceof LockedException) {
				error = "locked";
			}
			else if (exception instanceof DisabledException) {
				error = "disabled";
			}
			else {
				Instant now = this.clock.instant();
				int failures = this.users.recordFailure(user.id(), this.settings.maxFailures(),
						now.plus(this.settings.lockout()));
				if (failures >= this.settings.maxFailures()) {
					error = "locked";
					if (failures == this.settings.maxFailures()) {
						LOGGER.warn("User {} locked out for {} after {} failed logins", userId, this.settings.lockout(),
								failures);
					}
					this.audit.publish(user.tenantId(), userId, "LOCKED_OUT", userId, Outcome.FAILURE,
							Map.of("failedLogins", failures, "lockedForSeconds", this.settings.lockout().toSeconds()));
				}
			}
		}
		response.sendRedirect(request.getContextPath() + "/login?error=" + error);
	}

	private static String reason(AuthenticationException exception) {
		if (exception instanceof LockedException) {
			return "locked";
		}
		if (exception instanceof DisabledException) {
			return "disabled";
		}
		return "bad credentials";
	}

}
