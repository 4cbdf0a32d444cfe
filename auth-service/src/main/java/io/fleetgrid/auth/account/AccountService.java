package io.fleetgrid.auth.account;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.fleetgrid.auth.account.AccountTokenService.Purpose;
import io.fleetgrid.auth.audit.AuditPublisher;
import io.fleetgrid.auth.user.AppUser;
import io.fleetgrid.auth.user.UserRepository;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepting invitations and resetting forgotten passwords with the one-time links.
 */
@Service
public class AccountService {

	/** Shortest accepted password. */
	public static final int MIN_PASSWORD_LENGTH = 12;

	/** Longest accepted password (bcrypt reads 72 bytes). */
	public static final int MAX_PASSWORD_LENGTH = 72;

	private final AccountTokenService tokens;

	private final UserRepository users;

	private final AccountMailer mailer;

	private final PasswordEncoder passwordEncoder;

	private final AuditPublisher audit;

	private final Clock clock;

	AccountService(AccountTokenService tokens, UserRepository users, AccountMailer mailer,
			PasswordEncoder passwordEncoder, AuditPublisher audit, Clock clock) {
		this.tokens = tokens;
		this.users = users;
		this.mailer = mailer;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Checks a password against the policy.
	 * @param password the password
	 * @return the problem, or null if acceptable
	 */
	public static String passwordProblem(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			return "The password must have at least " + MIN_PASSWORD_LENGTH + " characters.";
		}
		if (password.length() > MAX_PASSWORD_LENGTH) {
			return "The password must have at most " + MAX_PASSWORD_LENGTH + " characters.";
		}
		return null;
	}

	/**
	 * Whether a link's token is still usable (to show its form).
	 * @param token the token
	 * @param purpose its purpose
	 * @return true if valid and unused
	 */
	public boolean usable(String token, Purpose purpose) {
		return this.tokens.peek(token, purpose).isPresent();
	}

	/**
	 * Sets a password with a one-time token (invitation or reset).
	 * @param token the token from the link
	 * @param purpose its purpose
	 * @param password the new password (checked by the caller)
	 * @return true if the token was valid; it is used up
	 */
	@Transactional
	public boolean setPassword(String token, Purpose purpose, String password) {
		Optional<UUID> userId = this.tokens.consume(token, purpose);
		if (userId.isEmpty()) {
			return false;
		}
		AppUser user = this.users.findById(userId.get()).orElse(null);
		if (user == null) {
			return false;
		}
		this.users.updatePassword(user.id(), this.passwordEncoder.encode(password), this.clock.instant());
		this.audit.success(user.tenantId(), user.id().toString(),
				(purpose == Purpose.INVITATION) ? "INVITATION_ACCEPTED" : "PASSWORD_RESET", user.id().toString());
		return true;
	}

	/**
	 * Sends a reset link if the address belongs to an enabled user who has a password.
	 * The caller answers the same either way, so the form does not reveal who has an
	 * account.
	 * @param email the address
	 */
	@Transactional
	public void requestReset(String email) {
		this.users.findByEmail(email.trim())
			.filter((user) -> user.enabled() && user.passwordHash() != null)
			.ifPresent((user) -> {
				this.mailer.sendPasswordReset(user);
				this.audit.success(user.tenantId(), user.id().toString(), "PASSWORD_RESET_REQUESTED",
						user.id().toString());
			});
	}

}
