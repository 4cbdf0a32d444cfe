package io.fleetgrid.auth.tenant;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.fleetgrid.auth.audit.AuditPublisher;
import io.fleetgrid.auth.client.ApiClientService;
import io.fleetgrid.auth.client.ApiClientService.ClientWithSecret;
import io.fleetgrid.auth.web.ProblemException;
import io.fleetgrid.contracts.event.AuditEvent.Outcome;
import io.fleetgrid.contracts.event.TenantSnapshot.Status;
import io.fleetgrid.security.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's tenant management. Every change is committed first, then published to
 * {@code fleetgrid.tenants.v1} (see {@link TenantPublisher} for what happens when Kafka
 * is down).
 */
@Service
public class TenantService {

	private final TenantRepository tenants;

	private final ApiClientService clients;

	private final TenantPublisher publisher;

	private final AuditPublisher audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	TenantService(TenantRepository tenants, ApiClientService clients, TenantPublisher publisher, AuditPublisher audit,
			TransactionTemplate transactions, Clock clock) {
		this.tenants = tenants;
		this.clients = clients;
		this.publisher = publisher;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Creates a tenant and its first ADMIN API client.
	 * @param id tenant id, or null to derive it from the name
	 * @param name display name
	 * @param actor the operator
	 * @return the tenant and the client with its secret (shown once)
	 */
	public CreatedTenant create(String id, String name, String actor) {
		String tenantId = (id != null) ? id : slug(name);
		CreatedTenant created = this.transactions.execute((status) -> {
			if (this.tenants.find(tenantId).isPresent()) {
				throw ProblemException.conflict("id: a tenant " + tenantId + " already exists");
			}
			if (this.tenants.existsByName(name)) {
				throw ProblemException.conflict("name: a tenant named '" + name + "' already exists");
			}
			Tenant tenant = this.tenants.insert(tenantId, name, this.clock.instant());
			ClientWithSecret admin = this.clients.create(tenantId, name + " administration", Role.ADMIN, actor);
			return new CreatedTenant(tenant, admin);
		});
		this.publisher.publish(created.tenant());
		this.audit.success(tenantId, actor, "TENANT_CREATED", tenantId);
		return created;
	}

	/**
	 * All tenants.
	 * @return the tenants, oldest first
	 */
	public List<Tenant> list() {
		return this.tenants.findAll();
	}

	/**
	 * One tenant.
	 * @param id tenant id
	 * @return the tenant
	 */
	public Tenant get(String id) {
		return this.tenants.find(id).orElseThrow(() -> ProblemException.notFound("Tenant " + id));
	}

	/**
	 * Suspends or resumes a tenant.
	 * @param id tenant id
	 * @param status the new status
	 * @param actor the operator
	 * @return the tenant
	 */
	public Tenant changeStatus(String id, Status status, String actor) {
		Tenant before = get(id);
		Tenant after = this.transactions
			.execute((tx) -> this.tenants.updateStatus(id, status, this.clock.instant()).orElseThrow());
		if (before.status() != after.status()) {
			this.publisher.publish(after);
			this.audit.publish(id, actor, (status == Status.SUSPENDED) ? "TENANT_SUSPENDED" : "TENANT_RESUMED", id,
					Outcome.SUCCESS, Map.of("from", before.status().name(), "to", status.name()));
		}
		return after;
	}

	static String slug(String name) {
		String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		if (slug.length() > 40) {
			slug = slug.substring(0, 40).replaceAll("-+$", "");
		}
		if (slug.length() < 2) {
			throw ProblemException.badRequest("name: needs at least two letters or digits to derive the tenant id");
		}
		return slug;
	}

	/**
	 * A new tenant with its first ADMIN client.
	 *
	 * @param tenant the tenant
	 * @param adminClient the ADMIN API client with its secret (shown once)
	 */
	public record CreatedTenant(Tenant tenant, ClientWithSecret adminClient) {

	}

}
