package io.fleetgrid.security.autoconfigure;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

import io.fleetgrid.security.Role;
import io.fleetgrid.security.client.ServiceTokenProvider;
import io.fleetgrid.security.client.ServiceTokenRequestInterceptor;
import io.fleetgrid.security.tenant.KafkaTenantDirectory;
import io.fleetgrid.security.tenant.TenantDirectory;
import io.fleetgrid.security.web.CallerArgumentResolver;
import io.fleetgrid.security.web.FleetGridJwtAuthenticationConverter;
import io.fleetgrid.security.web.ProblemSecurityHandler;
import io.fleetgrid.security.web.TenantMdcFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The FleetGrid resource-server security of a servlet service: one catch-all filter chain
 * that validates bearer JWTs, maps the {@code roles} claim to authorities under the
 * hierarchy ADMIN &gt; FLEET_MANAGER &gt; USER, keeps {@code /internal/**} for other
 * services, answers 401/403 as problem+json, and refuses tokens of suspended tenants. An
 * application that needs further chains (auth-service's login pages) declares them with a
 * higher precedence and an explicit security matcher.
 */
@AutoConfiguration(before = { OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ JwtDecoder.class, SecurityFilterChain.class })
@EnableConfigurationProperties(FleetGridSecurityProperties.class)
@EnableMethodSecurity
public final class FleetGridSecurityAutoConfiguration {

	/** Order of the catch-all chain: after every chain an application declares itself. */
	public static final int CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	private static final String[] OPEN_PATHS = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error" };

	@Bean
	static RoleHierarchy fleetGridRoleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.FLEET_MANAGER.name())
			.role(Role.FLEET_MANAGER.name())
			.implies(Role.USER.name())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	TenantDirectory tenantDirectory(FleetGridSecurityProperties properties, Environment environment) {
		List<String> servers = Binder.get(environment)
			.bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
			.orElse(List.of());
		if (!properties.tenantStatus().enabled() || servers.isEmpty() || !kafkaClientPresent()) {
			return TenantDirectory.ALL_ACTIVE;
		}
		String application = environment.getProperty("spring.application.name", "fleetgrid");
		return new KafkaTenantDirectory(String.join(",", servers), application + "-tenant-directory");
	}

	private static boolean kafkaClientPresent() {
		try {
			Class.forName("org.apache.kafka.clients.consumer.KafkaConsumer", false,
					FleetGridSecurityAutoConfiguration.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	@Bean
	@ConditionalOnMissingBean
	FleetGridJwtAuthenticationConverter fleetGridJwtAuthenticationConverter(TenantDirectory tenants) {
		return new FleetGridJwtAuthenticationConverter(tenants);
	}

	@Bean
	@Order(CHAIN_ORDER)
	SecurityFilterChain fleetGridResourceServerChain(HttpSecurity http, FleetGridSecurityProperties properties,
			FleetGridJwtAuthenticationConverter converter) {
		ProblemSecurityHandler problems = new ProblemSecurityHandler();
		String[] publicPaths = properties.publicPaths().toArray(String[]::new);
		String[] internalPaths = properties.internalPaths().toArray(String[]::new);
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens only: no cookies, so no cross-site request forgery to defend
			// against.
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.authorizeHttpRequests((requests) -> {
				requests.requestMatchers(OPEN_PATHS).permitAll();
				if (publicPaths.length > 0) {
					requests.requestMatchers(publicPaths).permitAll();
				}
				if (internalPaths.length > 0) {
					requests.requestMatchers(internalPaths).hasRole(Role.SERVICE.name());
				}
				requests.requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name());
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer(
					(resourceServer) -> resourceServer.jwt((jwt) -> jwt.jwtAuthenticationConverter(converter))
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterAfter(new TenantMdcFilter(), BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	WebMvcConfigurer fleetGridCallerArgument() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}
		};
	}

	/** Service tokens on every Feign call, when this service has client credentials. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "feign.RequestInterceptor")
	@ConditionalOnProperty(prefix = "fleetgrid.security.service-client", name = "client-secret")
	static class ServiceClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ServiceTokenProvider serviceTokenProvider(FleetGridSecurityProperties properties, Environment environment) {
			FleetGridSecurityProperties.ServiceClient client = properties.serviceClient();
			String clientId = (client.clientId() != null) ? client.clientId()
					: "svc-" + environment.getProperty("spring.application.name", "fleetgrid");
			String tokenUri = (client.tokenUri() != null) ? client.tokenUri()
					: trimSlash(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri",
							"http://localhost:9000")) + "/oauth2/token";
			JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
				.connectTimeout(client.timeout())
				.followRedirects(HttpClient.Redirect.NEVER)
				.build());
			requestFactory.setReadTimeout(client.timeout());
			RestClient http = RestClient.builder().requestFactory(requestFactory).build();
			return new ServiceTokenProvider(http, tokenUri, clientId, String.valueOf(client.clientSecret()),
					Clock.systemUTC());
		}

		@Bean
		ServiceTokenRequestInterceptor serviceTokenRequestInterceptor(ObjectProvider<ServiceTokenProvider> tokens) {
			return new ServiceTokenRequestInterceptor(tokens.getObject());
		}

		private static String trimSlash(String uri) {
			return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
		}

	}

}
