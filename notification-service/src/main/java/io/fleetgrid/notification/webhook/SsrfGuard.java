package io.fleetgrid.notification.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import io.fleetgrid.notification.NotificationProperties;

import org.springframework.stereotype.Component;

/**
 * Refuses webhook targets that point into the platform's own network: loopback, private
 * (RFC 1918, IPv6 unique-local), link-local, wildcard and multicast addresses. The host
 * is resolved and every address checked, at registration and before each delivery (DNS
 * may change). Allowed when {@code fleetgrid.notification.webhooks.allow-private-targets}
 * is true (profiles {@code local} and {@code test}).
 */
@Component
public class SsrfGuard {

	private final boolean allowPrivate;

	/**
	 * Creates the guard.
	 * @param properties settings
	 */
	public SsrfGuard(NotificationProperties properties) {
		this.allowPrivate = properties.webhooks().allowPrivateTargets();
	}

	/**
	 * Checks a target URL.
	 * @param url the URL
	 * @throws UnsafeTargetException when it is not an http(s) URL or resolves to a
	 * refused address
	 */
	public void check(String url) throws UnsafeTargetException {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new UnsafeTargetException("not a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(java.util.Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new UnsafeTargetException("must be an http or https URL");
		}
		if (uri.getHost() == null || uri.getUserInfo() != null) {
			throw new UnsafeTargetException("must have a host and no user info");
		}
		if (this.allowPrivate) {
			return;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(uri.getHost());
		}
		catch (UnknownHostException ex) {
			throw new UnsafeTargetException("host " + uri.getHost() + " does not resolve");
		}
		for (InetAddress address : addresses) {
			if (isInternal(address)) {
				throw new UnsafeTargetException(
						"host " + uri.getHost() + " resolves to a non-public address " + address.getHostAddress());
			}
		}
	}

	static boolean isInternal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			return (bytes[0] & 0xfe) == 0xfc;
		}
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		return first == 0 || (first == 100 && second >= 64 && second <= 127) || (first == 169 && second == 254);
	}

	/**
	 * A refused webhook target.
	 */
	public static class UnsafeTargetException extends Exception {

		private static final long serialVersionUID = 1L;

		UnsafeTargetException(String message) {
			super(message);
		}

	}

}
