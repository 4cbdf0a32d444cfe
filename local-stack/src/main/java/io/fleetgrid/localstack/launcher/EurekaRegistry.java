package io.fleetgrid.localstack.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which applications have an instance UP in the Eureka registry.
 */
final class EurekaRegistry {

	private static final Pattern APPLICATION = Pattern.compile("<application>(.*?)</application>", Pattern.DOTALL);

	private static final Pattern NAME = Pattern.compile("<name>([^<]+)</name>");

	private static final Pattern UP = Pattern.compile("<status>UP</status>");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI appsUri;

	EurekaRegistry(int port) {
		this.appsUri = URI.create("http://localhost:" + port + "/eureka/apps");
	}

	/**
	 * The applications (lower-case names) with at least one instance UP; empty when the
	 * registry cannot be reached.
	 * @return application names
	 * @throws InterruptedException if interrupted
	 */
	Set<String> upApplications() throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.appsUri)
			.header("Accept", "application/xml")
			.timeout(Duration.ofSeconds(3))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? parseUp(response.body()) : Set.of();
		}
		catch (IOException ex) {
			return Set.of();
		}
	}

	static Set<String> parseUp(String xml) {
		Set<String> up = new TreeSet<>();
		Matcher application = APPLICATION.matcher(xml);
		while (application.find()) {
			String block = application.group(1);
			Matcher name = NAME.matcher(block);
			if (name.find() && UP.matcher(block).find()) {
				up.add(name.group(1).toLowerCase(Locale.ROOT));
			}
		}
		return up;
	}

}
