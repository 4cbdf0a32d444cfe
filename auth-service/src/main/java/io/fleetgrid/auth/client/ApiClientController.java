package io.fleetgrid.auth.client;

import java.net.URI;

import io.fleetgrid.auth.client.ApiClientService.ClientView;
import io.fleetgrid.auth.client.ApiClientService.ClientWithSecret;
import io.fleetgrid.auth.web.PageResponse;
import io.fleetgrid.security.Caller;
import io.fleetgrid.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/clients}: an ADMIN manages the API clients of its tenant. Secrets are
 * answered once, at creation and rotation.
 */
@RestController
@RequestMapping("/api/v1/clients")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class ApiClientController {

	private final ApiClientService clients;

	ApiClientController(ApiClientService clients) {
		this.clients = clients;
	}

	@GetMapping
	PageResponse<ClientView> list(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.clients.list(caller.tenant(), page, size);
	}

	@PostMapping
	ResponseEntity<ClientWithSecret> create(Caller caller, @Valid @RequestBody CreateClient request) {
		ClientWithSecret created = this.clients.create(caller.tenant(), request.name().trim(), request.role(),
				caller.subject());
		return ResponseEntity.created(URI.create("/api/v1/clients/" + created.client().clientId())).body(created);
	}

	@GetMapping("/{clientId}")
	ClientView get(Caller caller, @PathVariable String clientId) {
		return this.clients.get(caller.tenant(), clientId);
	}

	@PostMapping("/{clientId}/secret")
	ClientWithSecret rotateSecret(Caller caller, @PathVariable String clientId) {
		return this.clients.rotateSecret(caller.tenant(), clientId, caller.subject());
	}

	@DeleteMapping("/{clientId}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String clientId) {
		this.clients.delete(caller.tenant(), clientId, caller.subject());
		return ResponseEntity.noContent().build();
	}

	/**
	 * Creates an API client.
	 *
	 * @param name display name
	 * @param role USER, FLEET_MANAGER or ADMIN
	 */
	record CreateClient(@NotBlank @Size(max = 200) String name, @NotNull Role role) {
	}

}
