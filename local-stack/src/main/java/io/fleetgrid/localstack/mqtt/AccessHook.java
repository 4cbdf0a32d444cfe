package io.fleetgrid.localstack.mqtt;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An access decision delegated to an HTTP endpoint, in the style of EMQX's HTTP
 * authentication and authorisation back-ends: the broker POSTs a JSON object and the
 * endpoint allows with any 2xx status. Every other status, a timeout and every I/O error
 * deny, so a broken back-end fails closed.
 */
final class AccessHook implements AutoCloseable {

	private static final Logger LOGGER = LoggerFactory.getLogger(AccessHook.class);

	private final URI uri;

	private final Duration timeout;

	private final HttpClient client;

	private final ObjectMapper json = new ObjectMapper();

	AccessHook(URI uri, Duration timeout) {
		this.uri = uri;
		this.timeout = timeout;
		this.client = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * Asks the endpoint.
	 * @param request the JSON object to send; {@code null} values are sent as JSON
	 * {@code null}
	 * @return whether the endpoint answered with a 2xx status in time
	 */
	boolean allows(Map<String, ?> request) {
		try {
			HttpRequest post = HttpRequest.newBuilder(this.uri)
				.timeout(this.timeout)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(request)))
				.build();
			int status = this.client.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
			return status >= 200 && status < 300;
		}
		catch (JsonProcessingException ex) {
			LOGGER.warn("Denied: cannot encode the request for {}", this.uri, ex);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (IOException ex) {
			LOGGER.warn("Denied: {} did not answer ({})", this.uri, ex.toString());
			return false;
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

	@Override
	public String toString() {
		return this.uri.toString();
	}

}
