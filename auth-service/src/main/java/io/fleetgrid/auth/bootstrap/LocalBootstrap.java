package io.fleetgrid.auth.bootstrap;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.fleetgrid.auth.client.ApiClientService;
import io.fleetgrid.auth.config.AuthProperties;
import io.fleetgrid.auth.config.Secrets;
import io.fleetgrid.auth.tenant.TenantRepository;
import io.fleetgrid.auth.user.AppUser;
import io.fleetgrid.auth.user.UserRepository;
import io.fleetgrid.security.Role;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The local demo data of API.md "Bootstrap", created or brought up to date at every start
 * when {@code fleetgrid.auth.bootstrap.enabled=true} (the {@code local} profile): tenant
 * {@code demo}, users {@code admin@}, {@code manager@} and {@code user@demo.local}, the
 * demo tenant's ADMIN API client and the operator client. Secrets come from the
 * environment (random when unset) and are re-applied when they changed; what was chosen
 * is printed.
 */
@Component
@ConditionalOnBooleanProperty("fleetgrid.auth.bootstrap.enabled")
class LocalBootstrap implements ApplicationRunner {

	private static final List<DemoUser> DEMO_USERS = List.of(new DemoUser("admin", "Demo Admin", Role.ADMIN),
			new DemoUser("manager", "Demo Fleet Manager", Role.FLEET_MANAGER),
			new DemoUser("user", "Demo User", Role.USER));

	private final AuthProperties.Bootstrap settings;

	private final String issuer;

	private final TenantRepository tenants;

	private final UserRepository users;

	private final ApiClientService clients;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transactions;

	private final Clock clock;

	LocalBootstrap(AuthProperties properties, TenantRepository tenants, UserRepository users, ApiClientService clients,
			PasswordEncoder passwordEncoder, TransactionTemplate transactions, Clock clock) {
		this.settings = properties.bootstrap();
		this.issuer = properties.issuerUri();
		this.tenants = tenants;
		this.users = users;
		this.clients = clients;
		this.passwordEncoder = passwordEncoder;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		String password = orRandom(this.settings.demoPassword());
		String adminSecret = orRandom(this.settings.adminClientSecret());
		String operatorSecret = orRandom(this.settings.operatorClientSecret());
		String tenantId = this.settings.tenantId();
		this.transactions.executeWithoutResult((status) -> {
			Instant now = this.clock.instant();
			if (this.tenants.find(tenantId).isEmpty()) {
				this.tenants.insert(tenantId, "Demo", now);
			}
			for (DemoUser demo : DEMO_USERS) {
				ensureUser(demo.local() + "@" + tenantId + ".local", demo.name(), demo.role(), tenantId, password, now);
			}
			this.clients.ensure(this.settings.adminClientId(), tenantId, "Demo administration", Role.ADMIN,
					adminSecret);
			this.clients.ensure(this.settings.operatorClientId(), null, "Platform operator", Role.OPERATOR,
					operatorSecret);
		});
		print(tenantId, password, adminSecret, operatorSecret);
	}

	private void ensureUser(String email, String name, Role role, String tenantId, String password, Instant now) {
		AppUser existing = this.users.findByEmail(email).orElse(null);
		if (existing == null) {
			this.users.insert(new AppUser(UUID.randomUUID(), tenantId, email, name, role,
					this.passwordEncoder.encode(password), true, 0, null, now, now));
			return;
		}
		if (existing.role() != role || !existing.enabled() || !tenantId.equals(existing.tenantId())) {
			this.users.updateBootstrap(existing.id(), tenantId, role, name, now);
		}
		if (existing.passwordHash() == null || !this.passwordEncoder.matches(password, existing.passwordHash())) {
			this.users.updatePassword(existing.id(), this.passwordEncoder.encode(password), now);
		}
	}

	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	private void print(String tenantId, String password, String adminSecret, String operatorSecret) {
		String text = """

				=== FleetGrid local bootstrap (auth-service) ===
				tenant:            %s
				demo users:        admin@%s.local (ADMIN), manager@%s.local (FLEET_MANAGER), user@%s.local (USER)
				demo password:     %s
				ADMIN API client:  %s / %s
				operator client:   %s / %s
				token:             curl -s -u %s:<secret> -d grant_type=client_credentials %s/oauth2/token
				================================================
				""".formatted(tenantId, tenantId, tenantId, tenantId, password, this.settings.adminClientId(),
				adminSecret, this.settings.operatorClientId(), operatorSecret, this.settings.adminClientId(),
				this.issuer);
		System.out.println(text);
	}

	private static String orRandom(String value) {
		return (value == null || value.isBlank()) ? Secrets.random(12) : value;
	}

	private record DemoUser(String local, String name, Role role) {
	}

}
