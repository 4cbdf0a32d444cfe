package io.fleetgrid.localstack.mail;

import java.io.IOException;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.fleetgrid.localstack.server.InfraServer;
import io.fleetgrid.localstack.server.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GreenMail's SMTP server on the loopback interface, accepting mail for any recipient
 * without authentication, and a {@link ReceivedMailApi} to read what arrived.
 * <p>
 * Received mails are kept in memory: a restart empties the mail sink.
 */
final class SmtpServer implements InfraServer {

	private static final Logger LOGGER = LoggerFactory.getLogger(SmtpServer.class);

	private final ServerSettings settings;

	private GreenMail greenMail;

	private ReceivedMailApi api;

	SmtpServer(ServerSettings settings) {
		this.settings = settings;
	}

	@Override
	public Map<String, String> start() throws IOException {
		ServerSetup smtp = new ServerSetup(this.settings.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		this.greenMail = new GreenMail(smtp);
		this.greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		this.greenMail.start();
		this.api = new ReceivedMailApi(this.greenMail, Integer.parseInt(this.settings.option("apiPort", "0")));
		String apiUrl = "http://localhost:" + this.api.port() + ReceivedMailApi.MESSAGES_PATH;
		LOGGER.info("SMTP server ready on localhost:{}, received mails at {}", this.settings.port(), apiUrl);
		return Map.of("host", "localhost", "smtpPort", String.valueOf(this.settings.port()), "apiUrl", apiUrl);
	}

	@Override
	public void close() {
		if (this.api != null) {
			this.api.close();
			this.api = null;
		}
		if (this.greenMail != null) {
			this.greenMail.stop();
			this.greenMail = null;
		}
	}

}
