package io.fleetgrid.localstack.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only JSON view of the mails GreenMail received, served by the JDK's HTTP server
 * (the GreenMail artifact has no HTTP API; greenmail-standalone's needs a JAX-RS stack).
 * <p>
 * {@code GET /api/messages} answers a JSON array, oldest first, of objects with
 * {@code messageId}, {@code from}, {@code to}, {@code cc} (arrays of addresses),
 * {@code subject}, {@code date} (ISO-8601), {@code text} and {@code html} (the first
 * plain-text and HTML body parts, or {@code null}). {@code ?to=address} keeps the mails
 * sent to that address (To or Cc, ignoring case). A mail sent to several recipients is
 * listed once.
 */
final class ReceivedMailApi implements AutoCloseable {

	static final String MESSAGES_PATH = "/api/messages";

	private static final Logger LOGGER = LoggerFactory.getLogger(ReceivedMailApi.class);

	private final GreenMail greenMail;

	private final HttpServer server;

	private final ObjectMapper json = new ObjectMapper();

	ReceivedMailApi(GreenMail greenMail, int port) throws IOException {
		this.greenMail = greenMail;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!MESSAGES_PATH.equals(exchange.getRequestURI().getPath())) {
				respond(exchange, 404, Map.of("error", "Not found; the mails are at " + MESSAGES_PATH));
			}
			else if (!"GET".equals(exchange.getRequestMethod())) {
				exchange.getResponseHeaders().set("Allow", "GET");
				respond(exchange, 405, Map.of("error", "Read-only: only GET is supported"));
			}
			else {
				respondWithMessages(exchange, queryParameter(exchange, "to"));
			}
		}
	}

	private void respondWithMessages(HttpExchange exchange, String recipient) throws IOException {
		List<Map<String, Object>> messages;
		try {
			messages = messages(recipient);
		}
		catch (MessagingException ex) {
			LOGGER.warn("Cannot read the received mails", ex);
			respond(exchange, 500, Map.of("error", "Cannot read the received mails: " + ex.getMessage()));
			return;
		}
		respond(exchange, 200, messages);
	}

	private List<Map<String, Object>> messages(String recipient) throws MessagingException, IOException {
		Map<String, Map<String, Object>> unique = new LinkedHashMap<>();
		for (MimeMessage message : this.greenMail.getReceivedMessages()) {
			Map<String, Object> view = view(message);
			if (recipient != null && !isAddressedTo(view, recipient)) {
				continue;
			}
			String key = (message.getMessageID() != null) ? message.getMessageID()
					: "#" + System.identityHashCode(message);
			unique.putIfAbsent(key, view);
		}
		return new ArrayList<>(unique.values());
	}

	private static boolean isAddressedTo(Map<String, Object> view, String recipient) {
		for (String field : List.of("to", "cc")) {
			if (view.get(field) instanceof List<?> addresses) {
				for (Object address : addresses) {
					if (recipient.equalsIgnoreCase(String.valueOf(address))) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static Map<String, Object> view(MimeMessage message) throws MessagingException, IOException {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("messageId", message.getMessageID());
		view.put("from", addresses(message.getFrom()));
		view.put("to", addresses(message.getRecipients(RecipientType.TO)));
		view.put("cc", addresses(message.getRecipients(RecipientType.CC)));
		view.put("subject", message.getSubject());
		Date date = (message.getSentDate() != null) ? message.getSentDate() : message.getReceivedDate();
		view.put("date", (date != null) ? date.toInstant().toString() : null);
		view.put("text", firstPart(message, "text/plain"));
		view.put("html", firstPart(message, "text/html"));
		return view;
	}

	private static List<String> addresses(Address[] addresses) {
		if (addresses == null) {
			return List.of();
		}
		return Arrays.stream(addresses)
			.map((address) -> (address instanceof InternetAddress internet) ? internet.getAddress()
					: address.toString())
			.toList();
	}

	private static String firstPart(Part part, String mimeType) throws MessagingException, IOException {
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return null;
		}
		if (part.isMimeType(mimeType)) {
			return String.valueOf(part.getContent());
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = firstPart(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static String queryParameter(HttpExchange exchange, String name) {
		String query = exchange.getRequestURI().getRawQuery();
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String key = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
			if (key.toLowerCase(Locale.ROOT).equals(name)) {
				return (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
			}
		}
		return null;
	}

	private void respond(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
