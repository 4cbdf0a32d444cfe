package io.fleetgrid.notification.email;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.notification.delivery.ThrottleSummary;

/**
 * The e-mail texts: one alert, or a quiet-hours digest, each as plain text and HTML
 * (every value HTML-escaped).
 */
final class MailTemplates {

	private MailTemplates() {
	}

	static String subject(AlertEvent alert) {
		return "[FleetGrid] " + alert.severity() + " " + alert.type().name() + " on " + alert.deviceId() + " — "
				+ alert.status().name().toLowerCase(java.util.Locale.ROOT);
	}

	static String summarySubject(ThrottleSummary summary, AlertEvent last) {
		return "[FleetGrid] " + summary.count() + " more " + last.type().name()
				+ ((summary.count() == 1) ? " alert" : " alerts") + " for " + last.deviceId() + " suppressed";
	}

	static String summaryText(ThrottleSummary summary, AlertEvent last, URI lastLink) {
		return summary.text(last.type().name(), last.deviceId()) + ".\n\nThey were throttled to limit repeated "
				+ "notifications of one device and alert type.\nThe last one: " + last.severity() + " "
				+ last.type().name() + " on " + last.deviceId()
				+ ((last.message() != null) ? ": " + last.message() : "") + "\n\nView it: " + lastLink + "\n";
	}

	static String summaryHtml(ThrottleSummary summary, AlertEvent last, URI lastLink) {
		return "<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>"
				+ esc(summary.text(last.type().name(), last.deviceId())) + ".</p><p>They were throttled to limit "
				+ "repeated notifications of one device and alert type.</p><p><a href=\"" + esc(lastLink.toString())
				+ "\">View the last one</a></p></body></html>";
	}

	static String digestSubject(int count) {
		return "[FleetGrid] " + count + " alerts during your quiet hours";
	}

	static String text(AlertEvent alert, URI alertLink, @Nullable URI ackLink) {
		StringBuilder text = new StringBuilder();
		text.append(alert.severity()).append(' ').append(alert.type().name()).append(" on ").append(alert.deviceId());
		text.append(" (").append(alert.status()).append(")\n\n");
		if (alert.message() != null) {
			text.append(alert.message()).append("\n\n");
		}
		text.append("Started: ").append(alert.startedAt()).append('\n');
		if (alert.endedAt() != null) {
			text.append("Ended: ").append(alert.endedAt()).append('\n');
		}
		text.append("\nView the alert: ").append(alertLink).append('\n');
		if (ackLink != null) {
			text.append("Acknowledge it: ").append(ackLink).append('\n');
		}
		return text.toString();
	}

	static String html(AlertEvent alert, URI alertLink, @Nullable URI ackLink) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
		html.append("<h2>").append(esc(alert.severity() + " " + alert.type().name())).append(" on ");
		html.append(esc(alert.deviceId())).append("</h2>");
		html.append("<p>Status: <b>").append(esc(alert.status().name())).append("</b></p>");
		if (alert.message() != null) {
			html.append("<p>").append(esc(alert.message())).append("</p>");
		}
		html.append("<p>Started: ").append(esc(alert.startedAt().toString())).append("</p>");
		html.append("<p><a href=\"").append(esc(alertLink.toString())).append("\">View the alert</a>");
		if (ackLink != null) {
			html.append(" &middot; <a href=\"").append(esc(ackLink.toString())).append("\">Acknowledge</a>");
		}
		html.append("</p></body></html>");
		return html.toString();
	}

	static String digestText(List<Item> items) {
		StringBuilder text = new StringBuilder("While you had quiet hours:\n\n");
		for (Item item : items) {
			text.append("- ").append(item.alert().severity()).append(' ').append(item.alert().type().name());
			text.append(" on ").append(item.alert().deviceId()).append(" (").append(item.alert().status());
			text.append(") ").append(item.link()).append('\n');
		}
		return text.toString();
	}

	static String digestHtml(List<Item> items) {
		StringBuilder html = new StringBuilder(
				"<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>While you had quiet hours:</p><ul>");
		for (Item item : items) {
			html.append("<li><a href=\"").append(esc(item.link().toString())).append("\">");
			html.append(esc(item.alert().severity() + " " + item.alert().type().name() + " on "
					+ item.alert().deviceId() + " (" + item.alert().status() + ")"));
			html.append("</a></li>");
		}
		html.append("</ul></body></html>");
		return html.toString();
	}

	private static String esc(String value) {
		return HtmlUtils.htmlEscape(value);
	}

	record Item(AlertEvent alert, URI link) {
	}

}
