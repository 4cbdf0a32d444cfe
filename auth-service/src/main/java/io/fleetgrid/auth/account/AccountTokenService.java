package io.fleetgrid.auth.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.fleetgrid.auth.key.MasterSecret;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed, expiring, one-time tokens for the invitation and password-reset links.
 * <p>
 * A token is {@code base64url(id:purpose:expiresAtEpochSeconds).base64url(HMAC-SHA256)}
 * under a key derived from the master secret; the id names a row of
 * {@code account_token}, which records the expiry and whether the token was used. A token
 * is accepted once, before it expires, for its purpose only; issuing a new token of the
 * same purpose for the same user invalidates the older ones.
 */
@Service
public class AccountTokenService {

	private final JdbcClient jdbc;

	private final SecretKeySpec key;

	private final Clock clock;

	AccountTokenService(JdbcClient jdbc, MasterSecret masterSecret, Clock clock) {
		this.jdbc = jdbc;
		this.key = new SecretKeySpec(masterSecret.derive("account-token"), "HmacSHA256");
		this.clock = clock;
	}

	/**
	 * Issues a token.
	 * @param userId the user
	 * @param purpose what it allows
	 * @param ttl how long it is valid
	 * @return the token for the link
	 */
	@Transactional
	public String issue(UUID userId, Purpose purpose, Duration ttl) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(ttl);
		this.jdbc.sql("update account_token set used_at = ? where user_id = ? and purpose = ? and used_at is null")
			.params(Timestamp.from(now), userId, purpose.name())
			.update();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into account_token (id, user_id, purpose, expires_at, created_at) values (?, ?, ?, ?, ?)")
			.params(id, userId, purpose.name(), Timestamp.from(expiresAt), Timestamp.from(now))
			.update();
		String payload = id + ":" + purpose.name() + ":" + expiresAt.getEpochSecond();
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(sign(payload));
	}

	/**
	 * Checks a token without using it (to show the form).
	 * @param token the token
	 * @param purpose the expected purpose
	 * @return the user, if the token is valid
	 */
	@Transactional(readOnly = true)
	public Optional<UUID> peek(String token, Purpose purpose) {
		return verify(token, purpose).flatMap((id) -> this.jdbc
			.sql("select user_id from account_token where id = ? and used_at is null and expires_at > ?")
			.params(id, Timestamp.from(this.clock.instant()))
			.query(UUID.class)
			.optional());
	}

	/**
	 * Uses a token: afterwards it is no longer accepted. Call within the transaction that
	 * performs the action.
	 * @param token the token
	 * @param purpose the expected purpose
	 * @return the user, if the token was valid and unused
	 */
	@Transactional
	public Optional<UUID> consume(String token, Purpose purpose) {
		Instant now = this.clock.instant();
		return verify(token, purpose).flatMap((id) -> this.jdbc.sql("""
				update account_token set used_at = ? where id = ? and used_at is null and expires_at > ?
				returning user_id""")
			.params(Timestamp.from(now), id, Timestamp.from(now))
			.query(UUID.class)
			.optional());
	}

	private Optional<UUID> verify(String token, Purpose purpose) {
		if (token == null) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		try {
			Base64.Decoder base64 = Base64.getUrlDecoder();
			String payload = new String(base64.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
			byte[] signature = base64.decode(token.substring(dot + 1));
			if (!MessageDigest.isEqual(sign(payload), signature)) {
				return Optional.empty();
			}
			String[] parts = payload.split(":");
			if (parts.length != 3 || !parts[1].equals(purpose.name())
					|| Long.parseLong(parts[2]) <= this.clock.instant().getEpochSecond()) {
				return Optional.empty();
			}
			return Optional.of(UUID.fromString(parts[0]));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	/** What a token allows. */
	public enum Purpose {

		/** Accept an invitation: set the first password. */
		INVITATION,
		/** Reset a forgotten password. */
		PASSWORD_RESET

	}

}
