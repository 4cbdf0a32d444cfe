package io.fleetgrid.auth;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invitation and password reset through the real SMTP server: the mail arrives, its
 * one-time link sets the password, and the user can sign in with it.
 */
class AccountMailIntegrationTests extends AuthIntegrationTestSupport {

	private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-.]+)");

	@Test
	void invitationMailLinkSetsThePasswordOnce() {
		NewTenant tenant = createTenant("invite");
		String email = "invited-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> invited = call("POST", "/api/v1/users",
				token(tenant.adminClientId(), tenant.adminSecret()),
				"{\"email\":\"" + email + "\",\"displayName\":\"Invited\",\"role\":\"FLEET_MANAGER\"}");
		assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
		assertThat((Boolean) JsonPath.read(invited.body(), "$.invitationPending")).isTrue();

		String token = linkToken(email, "invited");
		BrowserLogin browser = new BrowserLogin(base());
		assertThat(browser.location(browser.login(email, "invited-password-1"))).endsWith("/login?error=disabled");
		HttpResponse<String> saved = setPassword(browser, "/invitation", token, "invited-password-1");

		assertThat(saved.body()).contains("Your password is saved");
		assertThat(browser.location(browser.login(email, "invited-password-1"))).endsWith("/login?signedIn");
		assertThat(browser.get(base() + "/invitation?token=" + token).body())
			.contains("invalid, expired or was already used");
	}

	@Test
	void passwordResetMailLinkReplacesThePassword() {
		NewTenant tenant = createTenant("reset");
		String email = "reset-" + UUID.randomUUID() + "@example.com";
		call("POST", "/api/v1/users", token(tenant.adminClientId(), tenant.adminSecret()), "{\"email\":\"" + email
				+ "\",\"displayName\":\"Forgetful\",\"role\":\"USER\",\"password\":\"old-password-123\"}");
		BrowserLogin browser = new BrowserLogin(base());
		String csrf = BrowserLogin.csrf(browser.get(base() + "/password-reset").body());

		HttpResponse<String> requested = browser.postForm(base() + "/password-reset",
				fields("email", email, "_csrf", csrf));

		assertThat(requested.body()).contains("If an account exists");
		String token = linkToken(email, "reset your");
		setPassword(browser, "/password-reset/confirm", token, "new-password-456");
		assertThat(browser.location(new BrowserLogin(base()).login(email, "old-password-123")))
			.endsWith("/login?error=credentials");
		assertThat(browser.location(new BrowserLogin(base()).login(email, "new-password-456")))
			.endsWith("/login?signedIn");
	}

	@Test
	void resetRequestForUnknownAddressAnswersTheSameAndSendsNothing() {
		BrowserLogin browser = new BrowserLogin(base());
		String csrf = BrowserLogin.csrf(browser.get(base() + "/password-reset").body());
		String email = "nobody-" + UUID.randomUUID() + "@example.com";

		HttpResponse<String> requested = browser.postForm(base() + "/password-reset",
				fields("email", email, "_csrf", csrf));

		assertThat(requested.body()).contains("If an account exists");
		assertThat(mails(email)).isEmpty();
	}

	private HttpResponse<String> setPassword(BrowserLogin browser, String path, String token, String password) {
		HttpResponse<String> form = browser.get(base() + path + "?token=" + token);
		assertThat(form.statusCode()).isEqualTo(200);
		HttpResponse<String> saved = browser.postForm(base() + path, fields("token", token, "password", password,
				"confirmation", password, "_csrf", BrowserLogin.csrf(form.body())));
		assertThat(saved.body()).contains("Your password is saved");
		return saved;
	}

	private String linkToken(String email, String subjectPart) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !mails(email).isEmpty());
		String mails = mails(email).get(0);
		assertThat(((String) JsonPath.read(mails, "$.subject")).toLowerCase()).contains(subjectPart);
		Matcher matcher = TOKEN.matcher(JsonPath.<String>read(mails, "$.text"));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private List<String> mails(String email) {
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(URI.create(System.getProperty("fleetgrid.mail.api-url") + "?to=" + urlEncode(email)))
			.build());
		List<Object> messages = JsonPath.read(response.body(), "$");
		return messages.stream().map((message) -> JsonPath.parse(message).jsonString()).toList();
	}

}
