package io.fleetgrid.notification.email;

import java.net.URI;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.notification.NotificationProperties;
import io.fleetgrid.notification.delivery.ChannelSender;
import io.fleetgrid.notification.delivery.Delivery;
import io.fleetgrid.notification.delivery.ThrottleSummary;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends EMAIL deliveries over SMTP: multipart/alternative (plain text and HTML) with a
 * link to the alert in the portal and, while the alert is open, a one-time acknowledge
 * link. Several rows form one digest mail.
 */
@Component
public class EmailSender implements ChannelSender {

	private static final Logger LOGGER = LoggerFactory.getLogger(EmailSender.class);

	private final JavaMailSender mail;

	private final AckTokens tokens;

	private final NotificationProperties properties;

	/**
	 * Creates the sender.
	 * @param mail SMTP
	 * @param tokens acknowledge tokens
	 * @param properties settings
	 */
	public EmailSender(JavaMailSender mail, AckTokens tokens, NotificationProperties properties) {
		this.mail = mail;
		this.tokens = tokens;
		this.properties = properties;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public Result send(List<Delivery> deliveries) {
		Delivery first = deliveries.get(0);
		try {
			MimeMessage message = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.properties.mailFrom());
			helper.setTo(first.target());
			ThrottleSummary summary = first.summary();
			if (deliveries.size() == 1 && summary != null) {
				AlertEvent last = first.alert();
				URI link = alertLink(last.alertId());
				helper.setSubject(MailTemplates.summarySubject(summary, last));
				helper.setText(MailTemplates.summaryText(summary, last, link),
						MailTemplates.summaryHtml(summary, last, link));
			}
			else if (deliveries.size() == 1 && !first.digest()) {
				AlertEvent alert = first.alert();
				URI link = alertLink(alert.alertId());
				URI ack = (alert.status() == Status.RAISED || alert.status() == Status.UPDATED)
						&& first.userId() != null ? ackLink(alert, first.userId()) : null;
				helper.setSubject(MailTemplates.subject(alert));
				helper.setText(MailTemplates.text(alert, link, ack), MailTemplates.html(alert, link, ack));
			}
			else {
				List<MailTemplates.Item> items = deliveries.stream()
					.map(Delivery::alert)
					.map((alert) -> new MailTemplates.Item(alert, alertLink(alert.alertId())))
					.toList();
				helper.setSubject(MailTemplates.digestSubject(items.size()));
				helper.setText(MailTemplates.digestText(items), MailTemplates.digestHtml(items));
			}
			message.setHeader("X-FleetGrid-Notification", first.idempotencyKey());
			this.mail.send(message);
			return Result.ok();
		}
		catch (MessagingException | MailException ex) {
			LOGGER.warn("E-mail {} to {} failed: {}", first.id(), first.target(), ex.getMessage());
			return Result.retry("SMTP: " + ex.getMessage());
		}
	}

	/**
	 * Sends a plain-text notice (for example to admins about a disabled webhook).
	 * @param to recipient
	 * @param subject subject
	 * @param text body
	 * @return whether it was sent
	 */
	public boolean sendNotice(String to, String subject, String text) {
		try {
			MimeMessage message = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(this.properties.mailFrom());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text);
			this.mail.send(message);
			return true;
		}
		catch (MessagingException | MailException ex) {
			LOGGER.warn("Notice to {} failed: {}", to, ex.getMessage());
			return false;
		}
	}

	private URI alertLink(String alertId) {
		return UriComponentsBuilder.fromUri(this.properties.portalUrl())
			.path("/alerts/{id}")
			.buildAndExpand(alertId)
			.encode()
			.toUri();
	}

	private URI ackLink(AlertEvent alert, String userId) {
		return UriComponentsBuilder.fromUri(this.properties.publicUrl())
			.path("/api/v1/notifications/ack/{token}")
			.buildAndExpand(this.tokens.issue(alert.tenantId(), alert.alertId(), userId))
			.encode()
			.toUri();
	}

}
