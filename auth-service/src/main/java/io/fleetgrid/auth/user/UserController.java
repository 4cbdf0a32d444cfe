package io.fleetgrid.auth.user;

import java.net.URI;
import java.util.UUID;

import io.fleetgrid.auth.web.PageResponse;
import io.fleetgrid.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/users}: an ADMIN manages the users of its tenant; every user reads and
 * changes its own profile at {@code /api/v1/users/me}.
 */
@RestController
@RequestMapping("/api/v1/users")
@Validated
class UserController {

	private final UserService users;

	UserController(UserService users) {
		this.users = users;
	}

	@GetMapping
	@PreAuthorize("hasRole('ADMIN')")
	PageResponse<UserView> list(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.users.list(caller.tenant(), page, size);
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<UserView> create(Caller caller, @Valid @RequestBody UserRequests.Create request) {
		UserView user = this.users.create(caller.tenant(), request, caller.subject());
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
	}

	@GetMapping("/me")
	UserView me(Caller caller) {
		return this.users.me(caller.subject());
	}

	@PatchMapping("/me")
	UserView updateMe(Caller caller, @Valid @RequestBody UserRequests.UpdateMe request) {
		return this.users.updateMe(caller.subject(), request);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	UserView get(Caller caller, @PathVariable UUID id) {
		return this.users.get(caller.tenant(), id);
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	UserView update(Caller caller, @PathVariable UUID id, @Valid @RequestBody UserRequests.Update request) {
		return this.users.update(caller.tenant(), id, request, caller.subject());
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
		this.users.delete(caller.tenant(), id, caller.subject());
		return ResponseEntity.noContent().build();
	}

}
