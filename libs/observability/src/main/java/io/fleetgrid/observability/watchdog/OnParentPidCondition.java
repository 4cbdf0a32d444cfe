package io.fleetgrid.observability.watchdog;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code fleetgrid.parent.pid} has a value; an empty
 * {@code FLEETGRID_PARENT_PID} means "no parent to watch", not an error.
 */
class OnParentPidCondition extends SpringBootCondition {

	static final String PROPERTY = "fleetgrid.parent.pid";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String pid = context.getEnvironment().getProperty(PROPERTY);
		return StringUtils.hasText(pid) ? ConditionOutcome.match(PROPERTY + " is " + pid)
				: ConditionOutcome.noMatch(PROPERTY + " is not set");
	}

}
