package io.fleetgrid.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A scripted browser: one cookie jar, redirects followed one by one so each step can be
 * checked, HTML forms read for their CSRF token.
 */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	HttpResponse<String> get(String url, String accept) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build());
	}

	HttpResponse<String> postForm(String url, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Follows redirects from a response, as a browser would.
	 * @param response where to start
	 * @param maxHops at most this many redirects
	 * @return the first non-redirect response
	 */
	HttpResponse<String> follow(HttpResponse<String> response, int maxHops) {
		HttpResponse<String> current = response;
		for (int hop = 0; hop < maxHops && isRedirect(current); hop++) {
			current = get(location(current), "text/html");
		}
		return current;
	}

	/**
	 * Logs a person in to the portal through the gateway and auth-service's login form.
	 * @param gateway the gateway's base URL
	 * @param email user name
	 * @param password password
	 * @return the portal page the browser lands on
	 */
	HttpResponse<String> logIn(String gateway, String email, String password) {
		HttpResponse<String> portal = get(gateway + "/", "text/html");
		HttpResponse<String> authorization = get(location(portal), "text/html");
		HttpResponse<String> loginPage = follow(get(location(authorization), "text/html"), 5);
		HttpResponse<String> loggedIn = postForm(loginPage.uri().toString(),
				Map.of("username", email, "password", password, "_csrf", csrf(loginPage.body())));
		return follow(loggedIn, 6);
	}

	/**
	 * Opens a Server-Sent Events stream with this browser's cookies and hands every line
	 * to {@code lines} on a background thread.
	 * @param url the stream
	 * @param lines receives each line
	 * @return the response, once its headers arrived
	 */
	CompletableFuture<HttpResponse<Stream<String>>> stream(String url, Consumer<String> lines) {
		return this.http
			.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(),
					HttpResponse.BodyHandlers.ofLines())
			.thenApply((response) -> {
				Thread.ofVirtual().name("sse-reader").start(() -> response.body().forEach(lines));
				return response;
			});
	}

	static boolean isRedirect(HttpResponse<?> response) {
		return response.statusCode() >= 300 && response.statusCode() < 400;
	}

	static String location(HttpResponse<?> response) {
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException("No redirect: " + response.statusCode()));
		return response.uri().resolve(location).toString();
	}

	static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token in the page: " + html);
		}
		return matcher.group(1);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.uri() + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
