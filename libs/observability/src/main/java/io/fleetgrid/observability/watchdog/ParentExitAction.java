package io.fleetgrid.observability.watchdog;

/**
 * What a service does when its parent process exits. The default is
 * {@link ShutdownOnParentExit}; declare a bean of this type to replace it.
 */
@FunctionalInterface
public interface ParentExitAction {

	/**
	 * Called once, on a watcher thread, after the parent process exited.
	 * @param parentPid the process that exited
	 */
	void parentExited(long parentPid);

}
