package io.fleetgrid.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CORS and security headers of the gateway ({@code fleetgrid.gateway.*}).
 *
 * @param cors cross-origin access for browser applications on other origins
 * @param headers security headers of every response
 */
@ConfigurationProperties("fleetgrid.gateway")
public record EdgeSecurityProperties(@DefaultValue Cors cors, @DefaultValue Headers headers) {

	/**
	 * CORS ({@code fleetgrid.gateway.cors.*}). No origin is allowed by default: the
	 * portal is served by the gateway itself.
	 *
	 * @param allowedOrigins origins (or patterns such as {@code https://*.example.com})
	 * allowed to call the API from a browser
	 * @param allowedMethods methods allowed
	 * @param allowedHeaders request headers allowed
	 * @param exposedHeaders response headers the browser may read
	 * @param allowCredentials whether cookies may be sent cross-origin
	 * @param maxAge how long a browser may cache a preflight answer
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue( {
			"GET", "POST", "PUT", "PATCH", "DELETE" }) List<String> allowedMethods,
			@DefaultValue({ "Authorization", "Content-Type", "X-Request-Id", "X-XSRF-TOKEN",
					"Last-Event-ID" }) List<String> allowedHeaders,
			@DefaultValue({ "X-Request-Id", "X-Trace-Id", "X-Correlation-Id", "Retry-After",
					"Location" }) List<String> exposedHeaders,
			@DefaultValue("false") boolean allowCredentials, @DefaultValue("30m") Duration maxAge){

	}

	/**
	 * Security headers ({@code fleetgrid.gateway.headers.*}).
	 * {@code X-Content-Type-Options:
	 * nosniff} and {@code X-Frame-Options: DENY} are always sent.
	 *
	 * @param contentSecurityPolicy the {@code Content-Security-Policy}
	 * @param referrerPolicy the {@code Referrer-Policy}
	 * @param hsts {@code Strict-Transport-Security}, on in the {@code prod} profile
	 */
	public record Headers(@DefaultValue("default-src 'self'") String contentSecurityPolicy,
			@DefaultValue("strict-origin-when-cross-origin") String referrerPolicy, @DefaultValue Hsts hsts) {

	}

	/**
	 * HTTP Strict Transport Security. Sent on every response when enabled (TLS ends at
	 * the load balancer in front of the gateway in production).
	 *
	 * @param enabled whether to send it
	 * @param maxAge how long browsers keep using HTTPS only
	 * @param includeSubDomains whether subdomains are included
	 */
	public record Hsts(@DefaultValue("false") boolean enabled, @DefaultValue("365d") Duration maxAge,
			@DefaultValue("true") boolean includeSubDomains) {

		/**
		 * The header value.
		 * @return e.g. {@code max-age=31536000 ; includeSubDomains}
		 */
		public String value() {
			return "max-age=" + this.maxAge.toSeconds() + (this.includeSubDomains ? " ; includeSubDomains" : "");
		}

	}

}
