package io.fleetgrid.auth.account;

import io.fleetgrid.auth.config.AuthProperties;
import io.fleetgrid.auth.user.AppUser;
import io.fleetgrid.auth.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends the invitation and password-reset mails with their one-time links.
 */
@Component
public class AccountMailer {

	private static final Logger LOGGER = LoggerFactory.getLogger(AccountMailer.class);

	private final ObjectProvider<JavaMailSender> mailSender;

	private final AccountTokenService tokens;

	private final AuthProperties properties;

	AccountMailer(ObjectProvider<JavaMailSender> mailSender, AccountTokenService tokens, AuthProperties properties) {
		this.mailSender = mailSender;
		this.tokens = tokens;
		this.properties = properties;
	}

	/**
	 * Invites a user to set a password.
	 * @param user the user
	 * @param tenantName the tenant's name, for the text
	 */
	public void sendInvitation(AppUser user, String tenantName) {
		String token = this.tokens.issue(user.id(), AccountTokenService.Purpose.INVITATION,
				this.properties.mail().invitationTtl());
		String link = link("/invitation", token);
		send(user.email(), "You are invited to FleetGrid (" + tenantName + ")",
				"Hello " + user.displayName() + ",\n\nyou have been invited to FleetGrid as a member of " + tenantName
						+ ".\nChoose your password here (the link is valid for "
						+ this.properties.mail().invitationTtl().toHours() + " hours and works once):\n\n" + link
						+ "\n");
	}

	/**
	 * Sends a password-reset link.
	 * @param user the user
	 */
	public void sendPasswordReset(AppUser user) {
		String token = this.tokens.issue(user.id(), AccountTokenService.Purpose.PASSWORD_RESET,
				this.properties.mail().resetTtl());
		String link = link("/password-reset/confirm", token);
		send(user.email(), "Reset your FleetGrid password",
				"Hello " + user.displayName() + ",\n\nsomeone asked to reset your FleetGrid password.\n"
						+ "Choose a new password here (the link is valid for "
						+ this.properties.mail().resetTtl().toMinutes() + " minutes and works once):\n\n" + link
						+ "\n\nIf it was not you, ignore this mail: your password stays unchanged.\n");
	}

	private String link(String path, String token) {
		return UriComponentsBuilder.fromUriString(this.properties.issuerUri())
			.path(path)
			.queryParam("token", token)
			.build()
			.toUriString();
	}

	private void send(String to, String subject, String text) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			throw ProblemException.conflict("Mail is not configured (spring.mail.host); cannot send to " + to);
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.mail().from());
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		try {
			sender.send(message);
		}
		catch (MailException ex) {
			LOGGER.warn("Mail to {} not sent: {}", to, ex.getMessage());
			throw new MailUnavailableException(ex);
		}
	}

}
