package io.fleetgrid.notification.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Acknowledgements from e-mail links: each token is stored on first use (so it works
 * once), then forwarded to device-service; a forward that fails stays PENDING and is
 * retried with backoff until device-service takes it.
 */
@Service
public class AckService {

	private static final Logger LOGGER = LoggerFactory.getLogger(AckService.class);

	private final AckTokens tokens;

	private final DeviceAlertsClient deviceService;

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param tokens tokens
	 * @param deviceService device-service
	 * @param jdbc database
	 * @param clock clock
	 */
	public AckService(AckTokens tokens, DeviceAlertsClient deviceService, JdbcClient jdbc, Clock clock) {
		this.tokens = tokens;
		this.deviceService = deviceService;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Checks a token without using it.
	 * @param token token
	 * @return its claims
	 * @throws AckTokens.InvalidTokenException when invalid or expired
	 */
	public AckTokens.Claims peek(String token) throws AckTokens.InvalidTokenException {
		return this.tokens.verify(token);
	}

	/**
	 * Uses a token.
	 * @param token token
	 * @return the outcome
	 * @throws AckTokens.InvalidTokenException when invalid or expired
	 */
	public Outcome acknowledge(String token) throws AckTokens.InvalidTokenException {
		AckTokens.Claims claims = this.tokens.verify(token);
		Instant now = this.clock.instant();
		try {
			this.jdbc.sql("""
					insert into ack_request (token_id, tenant_id, alert_id, user_id, status, attempts,
					    next_attempt_at, created_at) values (?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
				.params(claims.tokenId(), claims.tenantId(), claims.alertId(), claims.userId(), Timestamp.from(now),
						Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			return Outcome.ALREADY_USED;
		}
		return forward(claims.tokenId(), claims.tenantId(), claims.alertId(), claims.userId(), 0) ? Outcome.DONE
				: Outcome.QUEUED;
	}

	/**
	 * Retries acknowledgements device-service did not take yet.
	 */
	@Scheduled(fixedDelay = 10_000)
	void retryPending() {
		List<Object[]> due = this.jdbc.sql("""
				select token_id, tenant_id, alert_id, user_id, attempts from ack_request
				where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit 20""")
			.param(Timestamp.from(this.clock.instant()))
			.query((rs,
					row) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getInt(5) })
			.list();
		for (Object[] row : due) {
			forward((String) row[0], (String) row[1], (String) row[2], (String) row[3], (Integer) row[4]);
		}
	}

	private boolean forward(String tokenId, String tenantId, String alertId, String userId, int attempts) {
		Instant now = this.clock.instant();
		try {
			this.deviceService.acknowledge(alertId, tenantId, userId, Map.of("comment", "acknowledged by e-mail link"));
			this.jdbc.sql("update ack_request set status = 'DONE', attempts = attempts + 1 where token_id = ?")
				.param(tokenId)
				.update();
			return true;
		}
		catch (RuntimeException ex) {
			Duration delay = Duration.ofSeconds(Math.min(3600, 10L << Math.min(attempts, 9)));
			LOGGER.warn("Acknowledgement of {} not forwarded yet (retry in {}): {}", alertId, delay, ex.getMessage());
			this.jdbc.sql("""
					update ack_request set attempts = attempts + 1, next_attempt_at = ?, last_error = ?
					where token_id = ?""").params(Timestamp.from(now.plus(delay)), ex.getMessage(), tokenId).update();
			return false;
		}
	}

	/** Outcome of using a token. */
	public enum Outcome {

		/** device-service acknowledged the alert. */
		DONE,
		/** Stored; device-service will be asked again. */
		QUEUED,
		/** The link was used before. */
		ALREADY_USED

	}

}
