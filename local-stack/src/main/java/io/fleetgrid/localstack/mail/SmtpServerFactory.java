package io.fleetgrid.localstack.mail;

import io.fleetgrid.localstack.server.InfraServer;
import io.fleetgrid.localstack.server.InfraServerFactory;
import io.fleetgrid.localstack.server.ServerSettings;

/**
 * Creates the {@code smtp} server, a GreenMail mail sink.
 * <p>
 * Options: {@code apiPort}, the port of the HTTP API that lists received mails (default
 * {@code 0}, a free port).
 */
public final class SmtpServerFactory implements InfraServerFactory {

	@Override
	public String kind() {
		return "smtp";
	}

	@Override
	public InfraServer create(ServerSettings settings) {
		return new SmtpServer(settings);
	}

}
