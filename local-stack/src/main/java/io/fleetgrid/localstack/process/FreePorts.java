package io.fleetgrid.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds free TCP ports on the loopback interface. A port is never handed out twice by the
 * same JVM, so that servers started one after the other do not collide before they bind.
 */
public final class FreePorts {

	private static final Set<Integer> HANDED_OUT = new HashSet<>();

	private FreePorts() {
	}

	/**
	 * A TCP port that is free now on the loopback interface and on all interfaces.
	 * @return the port
	 */
	public static synchronized int find() {
		for (int attempt = 0; attempt < 50; attempt++) {
			int port;
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				port = socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot find a free port", ex);
			}
			if (isFree(port) && HANDED_OUT.add(port)) {
				return port;
			}
		}
		throw new IllegalStateException("no free port found in 50 attempts");
	}

	/**
	 * Whether a TCP port can be bound on all interfaces now.
	 * @param port the port
	 * @return {@code true} if it is free
	 */
	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return socket.getLocalPort() == port;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
