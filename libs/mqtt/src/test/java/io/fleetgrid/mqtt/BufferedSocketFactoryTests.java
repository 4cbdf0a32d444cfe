package io.fleetgrid.mqtt;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BufferedSocketFactoryTests {

	@Test
	void connectsAndReadsThroughOneBufferedStream() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket client = new BufferedSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
						server.getLocalPort());
				Socket peer = server.accept()) {
			OutputStream out = peer.getOutputStream();
			out.write("first packet|second packet".getBytes(StandardCharsets.US_ASCII));
			out.flush();

			InputStream input = client.getInputStream();
			byte[] first = input.readNBytes("first packet|".length());
			// Paho asks the socket for its stream once per read loop: it must get the
			// same
			// buffer, or bytes already buffered would be lost.
			byte[] second = client.getInputStream().readNBytes("second packet".length());

			assertThat(input).isInstanceOf(BufferedInputStream.class).isSameAs(client.getInputStream());
			assertThat(new String(first, StandardCharsets.US_ASCII)).isEqualTo("first packet|");
			assertThat(new String(second, StandardCharsets.US_ASCII)).isEqualTo("second packet");
		}
	}

	@Test
	void anUnconnectedSocketConnectsLaterWithTheSameBuffering() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket client = new BufferedSocketFactory().createSocket()) {
			client.connect(server.getLocalSocketAddress());
			try (Socket peer = server.accept()) {
				peer.getOutputStream().write(42);
				assertThat(client.getInputStream()).isInstanceOf(BufferedInputStream.class);
				assertThat(client.getInputStream().read()).isEqualTo(42);
			}
		}
	}

}
