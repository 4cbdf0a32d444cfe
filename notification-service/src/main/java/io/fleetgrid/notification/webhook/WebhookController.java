package io.fleetgrid.notification.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import io.fleetgrid.notification.api.InvalidFieldException;
import io.fleetgrid.notification.api.NotFoundException;
import io.fleetgrid.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/webhooks}: a tenant's endpoints, managed by FLEET_MANAGERs and ADMINs.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@PreAuthorize("hasRole('FLEET_MANAGER')")
class WebhookController {

	private final WebhookRepository repository;

	private final SsrfGuard guard;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	WebhookController(WebhookRepository repository, SsrfGuard guard, Clock clock) {
		this.repository = repository;
		this.guard = guard;
		this.clock = clock;
	}

	@GetMapping
	List<WebhookView> list(Caller caller) {
		return this.repository.findByTenant(caller.tenant()).stream().map((w) -> WebhookView.of(w, false)).toList();
	}

	@GetMapping("/{id}")
	WebhookView get(Caller caller, @PathVariable UUID id) {
		return WebhookView.of(find(caller, id), false);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	WebhookView create(Caller caller, @Valid @RequestBody WebhookRequest request) {
		try {
			this.guard.check(request.url().strip());
		}
		catch (SsrfGuard.UnsafeTargetException ex) {
			throw new InvalidFieldException("url", ex.getMessage());
		}
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		Webhook webhook = new Webhook(UUID.randomUUID(), caller.tenant(), request.url().strip(),
				"whsec_" + HexFormat.of().formatHex(secret), request.description(), true, null, null, caller.subject(),
				this.clock.instant());
		this.repository.insert(webhook);
		return WebhookView.of(webhook, true);
	}

	@PostMapping("/{id}/enable")
	WebhookView enable(Caller caller, @PathVariable UUID id) {
		if (!this.repository.enable(caller.tenant(), id)) {
			throw notFound(id);
		}
		return get(caller, id);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Caller caller, @PathVariable UUID id) {
		if (!this.repository.delete(caller.tenant(), id)) {
			throw notFound(id);
		}
	}

	private Webhook find(Caller caller, UUID id) {
		return this.repository.find(caller.tenant(), id).orElseThrow(() -> notFound(id));
	}

	private static NotFoundException notFound(UUID id) {
		return new NotFoundException("No webhook " + id);
	}

}
