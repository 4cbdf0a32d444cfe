package io.fleetgrid.observability.watchdog;

import java.util.function.IntConsumer;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The watchdog's default action: close the application context (graceful shutdown, exit
 * code generators) on a dedicated non-daemon thread, then terminate the JVM with the
 * resulting exit code so no non-daemon thread keeps it alive.
 */
public final class ShutdownOnParentExit implements ParentExitAction {

	private final ConfigurableApplicationContext context;

	private final IntConsumer jvmExit;

	/**
	 * Creates the action.
	 * @param context the context to close
	 * @param jvmExit terminates the JVM with an exit code ({@code System::exit} in
	 * production)
	 */
	public ShutdownOnParentExit(ConfigurableApplicationContext context, IntConsumer jvmExit) {
		this.context = context;
		this.jvmExit = jvmExit;
	}

	@Override
	public void parentExited(long parentPid) {
		Thread shutdown = new Thread(this::shutdown, "fleetgrid-parent-exit");
		shutdown.setDaemon(false);
		shutdown.start();
	}

	private void shutdown() {
		int exitCode = SpringApplication.exit(this.context, () -> 0);
		this.jvmExit.accept(exitCode);
	}

}
