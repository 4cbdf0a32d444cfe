package io.fleetgrid.notification.support;

import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;

import io.fleetgrid.contracts.serde.JsonSerdes;

import org.springframework.web.client.RestClient;

/**
 * Reads the mails the real SMTP sink received
 * ({@code GET <fleetgrid.mail.api-url>/api/messages}).
 */
public final class MailSink {

	private MailSink() {
	}

	/**
	 * The mails sent to an address, oldest first.
	 * @param to the address
	 * @return each mail's fields ({@code subject}, {@code text}, {@code html},
	 * {@code to}, ...)
	 */
	public static List<Map<String, Object>> mailsTo(String to) {
		String json = RestClient.create(System.getProperty("fleetgrid.mail.api-url"))
			.get()
			.uri((uri) -> uri.queryParam("to", to).build())
			.retrieve()
			.body(String.class);
		return JsonSerdes.mapper().readValue(json, new TypeReference<List<Map<String, Object>>>() {
		});
	}

}
