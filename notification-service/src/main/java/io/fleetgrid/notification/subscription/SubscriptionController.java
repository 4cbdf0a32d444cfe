package io.fleetgrid.notification.subscription;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import io.fleetgrid.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/subscriptions}: the caller's own subscriptions in the caller's tenant.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

	private final SubscriptionService service;

	SubscriptionController(SubscriptionService service) {
		this.service = service;
	}

	@GetMapping
	List<SubscriptionView> list(Caller caller) {
		return this.service.list(caller);
	}

	@GetMapping("/{id}")
	SubscriptionView get(Caller caller, @PathVariable UUID id) {
		return this.service.get(caller, id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SubscriptionView create(Caller caller, @Valid @RequestBody SubscriptionRequest request) {
		return this.service.create(caller, request);
	}

	@PutMapping("/{id}")
	SubscriptionView update(Caller caller, @PathVariable UUID id, @Valid @RequestBody SubscriptionRequest request) {
		return this.service.update(caller, id, request);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Caller caller, @PathVariable UUID id) {
		this.service.delete(caller, id);
	}

}
