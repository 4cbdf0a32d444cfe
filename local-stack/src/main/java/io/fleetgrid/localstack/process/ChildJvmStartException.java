package io.fleetgrid.localstack.process;

import java.io.IOException;
import java.util.List;

/**
 * A child JVM exited, or did not report that it was ready in time, and was killed. The
 * message ends with the last lines of the child's output.
 */
public class ChildJvmStartException extends IOException {

	private final List<String> lastLines;

	/**
	 * Creates the exception.
	 * @param message what happened, including the last lines of output
	 * @param lastLines the last lines of output
	 */
	public ChildJvmStartException(String message, List<String> lastLines) {
		super(message);
		this.lastLines = List.copyOf(lastLines);
	}

	/**
	 * The last lines the child wrote before it was killed or exited.
	 * @return the lines, oldest first
	 */
	public List<String> lastLines() {
		return this.lastLines;
	}

}
