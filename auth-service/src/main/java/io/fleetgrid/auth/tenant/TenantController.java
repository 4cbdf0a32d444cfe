package io.fleetgrid.auth.tenant;

import java.net.URI;
import java.util.List;

import io.fleetgrid.auth.tenant.TenantService.CreatedTenant;
import io.fleetgrid.contracts.event.TenantSnapshot.Status;
import io.fleetgrid.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tenants}: the platform operator creates, lists, suspends and resumes
 * tenants.
 */
@RestController
@RequestMapping("/api/v1/tenants")
@PreAuthorize("hasRole('OPERATOR')")
class TenantController {

	private final TenantService tenants;

	TenantController(TenantService tenants) {
		this.tenants = tenants;
	}

	@PostMapping
	ResponseEntity<CreatedTenant> create(Caller caller, @Valid @RequestBody CreateTenant request) {
		CreatedTenant created = this.tenants.create(request.id(), request.name().trim(), caller.subject());
		return ResponseEntity.created(URI.create("/api/v1/tenants/" + created.tenant().id())).body(created);
	}

	@GetMapping
	List<Tenant> list() {
		return this.tenants.list();
	}

	@GetMapping("/{id}")
	Tenant get(@PathVariable String id) {
		return this.tenants.get(id);
	}

	@PatchMapping("/{id}")
	Tenant changeStatus(Caller caller, @PathVariable String id, @Valid @RequestBody ChangeStatus request) {
		return this.tenants.changeStatus(id, request.status(), caller.subject());
	}

	/**
	 * Creates a tenant.
	 *
	 * @param id optional id (lower-case letters, digits and dashes); derived from the
	 * name when absent
	 * @param name display name
	 */
	record CreateTenant(@Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}",
			message = "must be 2 to 40 lower-case letters, digits or dashes, starting with a letter or digit") String id,
			@NotBlank @Size(max = 200) String name) {
	}

	/**
	 * Suspends or resumes a tenant.
	 *
	 * @param status SUSPENDED or ACTIVE
	 */
	record ChangeStatus(@NotNull Status status) {
	}

}
