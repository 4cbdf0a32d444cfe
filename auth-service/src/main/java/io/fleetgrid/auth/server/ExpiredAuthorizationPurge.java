package io.fleetgrid.auth.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes authorizations whose every token expired more than a day ago (each
 * client_credentials token adds a row), hourly.
 */
@Component
class ExpiredAuthorizationPurge {

	private static final Logger LOGGER = LoggerFactory.getLogger(ExpiredAuthorizationPurge.class);

	private final JdbcClient jdbc;

	ExpiredAuthorizationPurge(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
	void purge() {
		// greatest() ignores nulls in PostgreSQL: the latest expiry of the row's tokens.
		int deleted = this.jdbc.sql("""
				delete from oauth2_authorization where greatest(authorization_code_expires_at, access_token_expires_at,
				refresh_token_expires_at, oidc_id_token_expires_at) < now() - interval '1 day'""").update();
		if (deleted > 0) {
			LOGGER.info("Purged {} expired authorizations", deleted);
		}
	}

}
