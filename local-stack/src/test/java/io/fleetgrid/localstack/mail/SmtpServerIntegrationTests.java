package io.fleetgrid.localstack.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetgrid.localstack.server.InfraServer;
import io.fleetgrid.localstack.server.ServerSettings;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpServerIntegrationTests {

	@Test
	void mailSentOverSmtpCanBeReadBackThroughTheApi(@TempDir Path dataDir) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (InfraServer server = new SmtpServerFactory().create(new ServerSettings(port, dataDir, Map.of()))) {
			Map<String, String> ready = server.start();
			Properties props = new Properties();
			props.put("mail.smtp.host", ready.get("host"));
			props.put("mail.smtp.port", ready.get("smtpPort"));
			MimeMessage message = new MimeMessage(Session.getInstance(props));
			message.setFrom(new InternetAddress("alerts@fleetgrid.local"));
			message.setRecipients(RecipientType.TO, "manager@demo.local, ops@demo.local");
			message.setSubject("Overspeed: truck-7");
			MimeBodyPart text = new MimeBodyPart();
			text.setText("truck-7 drove 131 km/h", "UTF-8");
			MimeBodyPart html = new MimeBodyPart();
			html.setContent("<p>truck-7 drove <b>131 km/h</b></p>", "text/html; charset=UTF-8");
			message.setContent(new MimeMultipart("alternative", text, html));
			Transport.send(message);

			JsonNode mails = get(ready.get("apiUrl") + "?to=Manager@demo.local");
			assertThat(mails).hasSize(1);
			JsonNode mail = mails.get(0);
			assertThat(mail.get("from").get(0).asText()).isEqualTo("alerts@fleetgrid.local");
			assertThat(mail.get("to")).extracting(JsonNode::asText)
				.containsExactly("manager@demo.local", "ops@demo.local");
			assertThat(mail.get("subject").asText()).isEqualTo("Overspeed: truck-7");
			assertThat(mail.get("text").asText()).isEqualTo("truck-7 drove 131 km/h");
			assertThat(mail.get("html").asText()).isEqualTo("<p>truck-7 drove <b>131 km/h</b></p>");
			assertThat(mail.get("date").asText()).isNotBlank();
			assertThat(get(ready.get("apiUrl") + "?to=nobody@demo.local")).isEmpty();
			assertThat(get(ready.get("apiUrl"))).hasSize(1);
		}
	}

	private JsonNode get(String url) throws IOException, InterruptedException {
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return new ObjectMapper().readTree(response.body());
		}
	}

}
