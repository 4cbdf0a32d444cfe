package io.fleetgrid.localstack;

import java.time.Duration;

import io.fleetgrid.localstack.process.ChildJvm;
import io.fleetgrid.localstack.process.ReadyLine;

/**
 * Test program that starts a {@code test-echo} server child and then waits, so that a
 * test can kill this parent and watch what happens to the server. Arguments: classpath,
 * data directory.
 */
@SuppressWarnings("checkstyle:regexpsinglelinejava")
public final class ServerParent {

	private ServerParent() {
	}

	public static void main(String[] args) throws Exception {
		ChildJvm server = ChildJvm.builder("test-echo")
			.classpath(args[0])
			.mainClass(ServerMain.class.getName())
			.args("test-echo", "1", args[1])
			.readyWhen(ReadyLine::isReadyLine, Duration.ofSeconds(60))
			.start();
		System.out.println("SERVER-PID " + server.pid());
		Thread.sleep(Long.MAX_VALUE);
	}

}
