package io.fleetgrid.observability.shipping;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when log shipping is on: {@code fleetgrid.observability.shipping.enabled} when
 * it is set; otherwise when {@code spring.kafka.bootstrap-servers} is set and the
 * {@code test} profile is not active (a test turns shipping on explicitly).
 */
class OnLogShippingCondition extends SpringBootCondition {

	static final String ENABLED = LogShippingProperties.PREFIX + ".enabled";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		String enabled = environment.getProperty(ENABLED);
		if (enabled != null && !enabled.isBlank()) {
			return Boolean.parseBoolean(enabled.trim()) ? ConditionOutcome.match(ENABLED + " is true")
					: ConditionOutcome.noMatch(ENABLED + " is false");
		}
		if (environment.acceptsProfiles(Profiles.of("test"))) {
			return ConditionOutcome.noMatch("the test profile is active and " + ENABLED + " is not set");
		}
		if (!environment.containsProperty("spring.kafka.bootstrap-servers")) {
			return ConditionOutcome.noMatch("spring.kafka.bootstrap-servers is not set");
		}
		return ConditionOutcome.match("spring.kafka.bootstrap-servers is set");
	}

}
