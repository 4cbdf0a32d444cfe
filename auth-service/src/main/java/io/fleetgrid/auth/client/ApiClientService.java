package io.fleetgrid.auth.client;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.fleetgrid.auth.audit.AuditPublisher;
import io.fleetgrid.auth.config.Secrets;
import io.fleetgrid.auth.web.PageResponse;
import io.fleetgrid.auth.web.ProblemException;
import io.fleetgrid.security.Role;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, rotates and deletes API clients. Every method taking a tenant id is
 * scoped to that tenant: another tenant's client is not found.
 */
@Service
public class ApiClientService {

	/** Roles an ADMIN may give to its tenant's API clients. */
	static final Set<Role> TENANT_ROLES = EnumSet.of(Role.USER, Role.FLEET_MANAGER, Role.ADMIN);

	private final ApiClientRepository clients;

	private final PasswordEncoder passwordEncoder;

	private final AuditPublisher audit;

	private final Clock clock;

	ApiClientService(ApiClientRepository clients, PasswordEncoder passwordEncoder, AuditPublisher audit, Clock clock) {
		this.clients = clients;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates an API client in a tenant; its secret is returned once.
	 * @param tenantId the tenant
	 * @param name display name
	 * @param role its role (USER, FLEET_MANAGER or ADMIN)
	 * @param actor who creates it
	 * @return the client with its secret
	 */
	@Transactional
	public ClientWithSecret create(String tenantId, String name, Role role, String actor) {
		if (!TENANT_ROLES.contains(role)) {
			throw ProblemException.badRequest("role: must be one of USER, FLEET_MANAGER, ADMIN");
		}
		String clientId = tenantId + "-" + Secrets.random(6).toLowerCase(Locale.ROOT).replace('_', 'x');
		return insert(clientId, tenantId, name, role, Secrets.generate(), actor);
	}

	private ClientWithSecret insert(String clientId, String tenantId, String name, Role role, String secret,
			String actor) {
		Instant now = this.clock.instant();
		ApiClient client = new ApiClient(UUID.randomUUID(), clientId, tenantId, name, role,
				this.passwordEncoder.encode(secret), now, now);
		this.clients.insert(client);
		this.audit.success(tenantId, actor, "CLIENT_CREATED", clientId);
		return new ClientWithSecret(ClientView.of(client), secret);
	}

	/**
	 * Lists a tenant's clients.
	 * @param tenantId the tenant
	 * @param page page number from 0
	 * @param size page size
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public PageResponse<ClientView> list(String tenantId, int page, int size) {
		return new PageResponse<>(this.clients.findByTenant(tenantId, page, size).stream().map(ClientView::of).toList(),
				page, size, this.clients.countByTenant(tenantId));
	}

	/**
	 * Gets one of a tenant's clients.
	 * @param tenantId the tenant
	 * @param clientId the client id
	 * @return the client
	 */
	@Transactional(readOnly = true)
	public ClientView get(String tenantId, String clientId) {
		return ClientView.of(find(tenantId, clientId));
	}

	/**
	 * Replaces a client's secret; the new one is returned once, the old one stops
	 * working.
	 * @param tenantId the tenant
	 * @param clientId the client id
	 * @param actor who rotates it
	 * @return the client with its new secret
	 */
	@Transactional
	public ClientWithSecret rotateSecret(String tenantId, String clientId, String actor) {
		ApiClient client = find(tenantId, clientId);
		String secret = Secrets.generate();
		this.clients.updateSecret(client.id(), this.passwordEncoder.encode(secret), this.clock.instant());
		this.audit.success(tenantId, actor, "CLIENT_SECRET_ROTATED", clientId);
		return new ClientWithSecret(ClientView.of(client), secret);
	}

	/**
	 * Deletes a client; it gets no further tokens.
	 * @param tenantId the tenant
	 * @param clientId the client id
	 * @param actor who deletes it
	 */
	@Transactional
	public void delete(String tenantId, String clientId, String actor) {
		this.clients.delete(find(tenantId, clientId).id());
		this.audit.success(tenantId, actor, "CLIENT_DELETED", clientId);
	}

	/**
	 * Creates or updates a client whose id and secret come from configuration (the local
	 * bootstrap): an existing client gets the given tenant, role and, if it changed, the
	 * secret.
	 * @param clientId the client id
	 * @param tenantId its tenant, or null for the operator
	 * @param name display name
	 * @param role its role
	 * @param secret its secret
	 * @return whether the client was created or changed
	 */
	@Transactional
	public boolean ensure(String clientId, String tenantId, String name, Role role, String secret) {
		ApiClient existing = this.clients.findByClientId(clientId).orElse(null);
		if (existing == null) {
			insert(clientId, tenantId, name, role, secret, "bootstrap");
			return true;
		}
		Instant now = this.clock.instant();
		boolean changed = false;
		if (!this.passwordEncoder.matches(secret, existing.secretHash())) {
			this.clients.updateSecret(existing.id(), this.passwordEncoder.encode(secret), now);
			changed = true;
		}
		if (existing.role() != role || !Objects.equals(existing.tenantId(), tenantId)) {
			this.clients.updateBootstrap(existing.id(), tenantId, role, name, now);
			changed = true;
		}
		return changed;
	}

	private ApiClient find(String tenantId, String clientId) {
		return this.clients.findInTenant(tenantId, clientId)
			.orElseThrow(() -> ProblemException.notFound("API client " + clientId));
	}

	/**
	 * An API client as shown to its tenant's ADMIN (never with the secret).
	 *
	 * @param clientId the OAuth2 client id
	 * @param name display name
	 * @param role the role of its tokens
	 * @param tenantId its tenant
	 * @param createdAt when created
	 */
	public record ClientView(String clientId, String name, Role role, String tenantId, Instant createdAt) {

		static ClientView of(ApiClient client) {
			return new ClientView(client.clientId(), client.name(), client.role(), client.tenantId(),
					client.createdAt());
		}

	}

	/**
	 * A client with its secret, answered once at creation or rotation.
	 *
	 * @param client the client
	 * @param clientSecret the secret; only its hash is kept
	 */
	public record ClientWithSecret(ClientView client, String clientSecret) {

	}

}
