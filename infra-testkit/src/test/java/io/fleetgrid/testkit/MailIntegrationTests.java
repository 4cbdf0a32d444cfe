package io.fleetgrid.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP server of the local stack is a real SMTP server: Jakarta Mail sends to it over
 * SMTP, and the mail can be read back through its {@code apiUrl}.
 */
@RealInfra(servers = Server.SMTP)
class MailIntegrationTests {

	private final String manager = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.local";

	@Test
	void mailSentOverSmtpIsReadableThroughTheApi() throws Exception {
		send("alerts@fleetgrid.local", this.manager + ", ops@demo.local", "CRITICAL: overspeed truck-7",
				"truck-7 drove 131 km/h (limit 90)", "<p>truck-7 drove <b>131 km/h</b> (limit 90)</p>");

		JsonNode mails = receivedBy(this.manager);

		assertThat(mails).hasSize(1);
		JsonNode mail = mails.get(0);
		assertThat(mail.path("from").get(0).asString()).isEqualTo("alerts@fleetgrid.local");
		assertThat(mail.path("to")).extracting(JsonNode::asString).containsExactly(this.manager, "ops@demo.local");
		assertThat(mail.path("subject").asString()).isEqualTo("CRITICAL: overspeed truck-7");
		assertThat(mail.path("text").asString()).isEqualTo("truck-7 drove 131 km/h (limit 90)");
		assertThat(mail.path("html").asString()).isEqualTo("<p>truck-7 drove <b>131 km/h</b> (limit 90)</p>");
		assertThat(mail.path("messageId").asString()).isNotBlank();
		assertThat(mail.path("date").asString()).isNotBlank();
	}

	@Test
	void apiListsOnlyTheMailsOfTheRequestedRecipient() throws Exception {
		String other = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.local";
		send("alerts@fleetgrid.local", other, "For someone else", "not for the manager", null);

		assertThat(receivedBy(other)).hasSize(1);
		assertThat(receivedBy("nobody-" + UUID.randomUUID() + "@demo.local")).isEmpty();
	}

	private static void send(String from, String to, String subject, String text, String html)
			throws MessagingException {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", System.getProperty("spring.mail.host"));
		properties.put("mail.smtp.port", System.getProperty("spring.mail.port"));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress(from));
		message.setRecipients(RecipientType.TO, to);
		message.setSubject(subject);
		if (html == null) {
			message.setText(text, "UTF-8");
		}
		else {
			MimeBodyPart textPart = new MimeBodyPart();
			textPart.setText(text, "UTF-8");
			MimeBodyPart htmlPart = new MimeBodyPart();
			htmlPart.setContent(html, "text/html; charset=UTF-8");
			message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
		}
		Transport.send(message);
	}

	private static JsonNode receivedBy(String recipient) throws IOException, InterruptedException {
		String url = System.getProperty("fleetgrid.mail.api-url") + "?to="
				+ URLEncoder.encode(recipient, StandardCharsets.UTF_8);
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/json"));
			return JsonMapper.shared().readTree(response.body());
		}
	}

}
