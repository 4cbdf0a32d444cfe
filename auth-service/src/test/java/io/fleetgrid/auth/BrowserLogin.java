package io.fleetgrid.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the login form and the authorization-code + PKCE flow the way a browser does:
 * one cookie jar, redirects followed by hand, the CSRF token read from the form.
 */
final class BrowserLogin {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient browser = AuthIntegrationTestSupport.browser();

	private final String base;

	BrowserLogin(String base) {
		this.base = base;
	}

	HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
	}

	HttpResponse<String> postForm(String url, Map<String, String> fields) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(AuthIntegrationTestSupport.form(fields)))
			.build());
	}

	/**
	 * Opens the login page and posts the form.
	 * @param email user name
	 * @param password password
	 * @return the answer to the post (a redirect)
	 */
	HttpResponse<String> login(String email, String password) {
		String csrf = csrf(get(this.base + "/login").body());
		return postForm(this.base + "/login",
				AuthIntegrationTestSupport.fields("username", email, "password", password, "_csrf", csrf));
	}

	static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token in " + html);
		}
		return matcher.group(1);
	}

	String location(HttpResponse<?> response) {
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException("No redirect: " + response.statusCode()));
		return URI.create(this.base + "/").resolve(location).toString();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.browser.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
