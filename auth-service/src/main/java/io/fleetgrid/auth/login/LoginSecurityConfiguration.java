package io.fleetgrid.auth.login;

import java.time.Clock;

import io.fleetgrid.auth.audit.AuditPublisher;
import io.fleetgrid.auth.config.AuthProperties;
import io.fleetgrid.auth.tenant.TenantRepository;
import io.fleetgrid.auth.user.UserRepository;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The browser pages: login form (with CSRF protection and session), logout, and the
 * invitation and password-reset pages. Second in line after the authorization server's
 * endpoints; the REST API's chain comes last.
 */
@Configuration(proxyBeanMethods = false)
public class LoginSecurityConfiguration {

	/** Paths served by this chain. */
	static final String[] PAGES = { "/login", "/logout", "/invitation", "/password-reset", "/password-reset/**",
			"/css/**" };

	@Bean
	@Order(2)
	SecurityFilterChain loginSecurityFilterChain(HttpSecurity http, UserRepository users, TenantRepository tenants,
			PasswordEncoder passwordEncoder, AuditPublisher audit, AuthProperties properties, Clock clock)
			throws Exception {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(
				new LoginUserDetailsService(users, tenants, clock));
		provider.setPasswordEncoder(passwordEncoder);
		LoginOutcomeHandler outcomes = new LoginOutcomeHandler(users, audit, properties, clock);
		http.securityMatcher(PAGES)
			.authenticationManager(new ProviderManager(provider))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.formLogin((form) -> form.loginPage("/login").successHandler(outcomes).failureHandler(outcomes))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"));
		return http.build();
	}

}
