package io.fleetgrid.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose input stream is buffered. Paho v3 reads a packet from the
 * socket's stream as it is: one {@code read} call for the fixed header, one per byte of
 * the remaining length and one or more for the rest, i.e. three or four system calls per
 * message. Behind a buffer, a receiver under load reads many packets per system call.
 * Only for {@code tcp://} URLs (Paho expects an {@code SSLSocketFactory} for
 * {@code ssl://}).
 */
public final class BufferedSocketFactory extends SocketFactory {

	private static final int BUFFER_BYTES = 64 * 1024;

	@Override
	public Socket createSocket() {
		return new BufferedInputSocket();
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		Socket socket = new BufferedInputSocket();
		socket.bind(new InetSocketAddress(localHost, localPort));
		socket.connect(new InetSocketAddress(host, port));
		return socket;
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		Socket socket = new BufferedInputSocket();
		socket.bind(new InetSocketAddress(localAddress, localPort));
		socket.connect(new InetSocketAddress(address, port));
		return socket;
	}

	private static Socket connected(InetSocketAddress address) throws IOException {
		Socket socket = new BufferedInputSocket();
		socket.connect(address);
		return socket;
	}

	/** A socket handing out one buffered input stream. */
	private static final class BufferedInputSocket extends Socket {

		private InputStream input;

		@Override
		public synchronized InputStream getInputStream() throws IOException {
			if (this.input == null) {
				this.input = new BufferedInputStream(super.getInputStream(), BUFFER_BYTES);
			}
			return this.input;
		}

	}

}
