package io.fleetgrid.observability.watchdog;

import java.util.Objects;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Registers the {@link ParentProcessWatchdog} when {@code fleetgrid.parent.pid} (env
 * {@code FLEETGRID_PARENT_PID}) is set and not empty. The watchdog starts as soon as its
 * bean is created, so a launcher that dies while a service is still starting also stops
 * it.
 */
@AutoConfiguration
@Conditional(OnParentPidCondition.class)
@EnableConfigurationProperties(ParentProcessProperties.class)
public final class ParentProcessWatchdogAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ParentExitAction parentExitAction(ConfigurableApplicationContext context) {
		return new ShutdownOnParentExit(context, System::exit);
	}

	@Bean(initMethod = "start")
	ParentProcessWatchdog parentProcessWatchdog(ParentProcessProperties properties, ParentExitAction action) {
		Long pid = Objects.requireNonNull(properties.pid(), "fleetgrid.parent.pid must be a process id");
		return new ParentProcessWatchdog(pid, action);
	}

}
