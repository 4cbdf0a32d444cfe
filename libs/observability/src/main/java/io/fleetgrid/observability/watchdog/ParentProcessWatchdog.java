package io.fleetgrid.observability.watchdog;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Watches a parent process and runs an action once when it exits (immediately if it is
 * already gone when watching starts).
 */
public final class ParentProcessWatchdog implements DisposableBean {

	private static final Logger LOGGER = LoggerFactory.getLogger(ParentProcessWatchdog.class);

	private final long parentPid;

	private final ParentExitAction onParentExit;

	private final AtomicBoolean fired = new AtomicBoolean();

	private @Nullable CompletableFuture<?> watch;

	/**
	 * Creates a watchdog; call {@link #start()} to begin watching.
	 * @param parentPid the process to watch
	 * @param onParentExit what to do when it exits; runs at most once
	 */
	public ParentProcessWatchdog(long parentPid, ParentExitAction onParentExit) {
		this.parentPid = parentPid;
		this.onParentExit = onParentExit;
	}

	/**
	 * Starts watching. If the parent process does not exist (any more), the action runs
	 * on the calling thread before this method returns.
	 */
	public synchronized void start() {
		if (this.watch != null) {
			return;
		}
		Optional<ProcessHandle> parent = ProcessHandle.of(this.parentPid).filter(ProcessHandle::isAlive);
		if (parent.isEmpty()) {
			LOGGER.warn("Parent process {} is not running; stopping", this.parentPid);
			this.watch = CompletableFuture.completedFuture(null);
			fire();
			return;
		}
		LOGGER.info("Watching parent process {}; this service stops when it exits", this.parentPid);
		this.watch = parent.get().onExit().thenRun(this::fire);
	}

	/**
	 * The watched process id.
	 * @return the pid
	 */
	public long parentPid() {
		return this.parentPid;
	}

	private void fire() {
		if (this.fired.compareAndSet(false, true)) {
			LOGGER.info("Parent process {} exited; stopping", this.parentPid);
			this.onParentExit.parentExited(this.parentPid);
		}
	}

	/**
	 * Stops watching; the action will not run after this returns unless it has already
	 * started.
	 */
	@Override
	public synchronized void destroy() {
		this.fired.set(true);
		if (this.watch != null) {
			this.watch.cancel(false);
		}
	}

}
