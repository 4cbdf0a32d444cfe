package io.fleetgrid.notification.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.notification.api.InvalidFieldException;
import io.fleetgrid.notification.api.NotFoundException;
import io.fleetgrid.notification.webhook.WebhookRepository;
import io.fleetgrid.security.Caller;
import io.fleetgrid.security.Role;

import org.springframework.stereotype.Service;

/**
 * The caller's own subscriptions.
 */
@Service
public class SubscriptionService {

	private final SubscriptionRepository repository;

	private final WebhookRepository webhooks;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param repository subscriptions
	 * @param webhooks the tenant's webhooks (for the WEBHOOK channel)
	 * @param clock clock
	 */
	public SubscriptionService(SubscriptionRepository repository, WebhookRepository webhooks, Clock clock) {
		this.repository = repository;
		this.webhooks = webhooks;
		this.clock = clock;
	}

	/**
	 * The caller's subscriptions, or the defaults that apply when there are none.
	 * @param caller caller
	 * @return views
	 */
	public List<SubscriptionView> list(Caller caller) {
		List<Subscription> own = this.repository.findByUser(caller.tenant(), caller.subject());
		if (own.isEmpty()) {
			return DefaultSubscriptions.forUser(caller.tenant(), caller.subject(), caller.has(Role.FLEET_MANAGER))
				.stream()
				.map((s) -> SubscriptionView.of(s, true))
				.toList();
		}
		return own.stream().map((s) -> SubscriptionView.of(s, false)).toList();
	}

	/**
	 * One of the caller's subscriptions.
	 * @param caller caller
	 * @param id id
	 * @return it
	 */
	public SubscriptionView get(Caller caller, UUID id) {
		return SubscriptionView.of(find(caller, id), false);
	}

	/**
	 * Creates a subscription for the caller.
	 * @param caller caller
	 * @param request body
	 * @return the new subscription
	 */
	public SubscriptionView create(Caller caller, SubscriptionRequest request) {
		Instant now = this.clock.instant();
		Subscription subscription = build(caller, UUID.randomUUID(), request, now, now);
		this.repository.save(subscription);
		return SubscriptionView.of(subscription, false);
	}

	/**
	 * Replaces one of the caller's subscriptions.
	 * @param caller caller
	 * @param id id
	 * @param request body
	 * @return the updated subscription
	 */
	public SubscriptionView update(Caller caller, UUID id, SubscriptionRequest request) {
		Subscription existing = find(caller, id);
		Subscription subscription = build(caller, id, request, existing.createdAt(), this.clock.instant());
		this.repository.save(subscription);
		return SubscriptionView.of(subscription, false);
	}

	/**
	 * Deletes one of the caller's subscriptions.
	 * @param caller caller
	 * @param id id
	 */
	public void delete(Caller caller, UUID id) {
		if (!this.repository.delete(caller.tenant(), caller.subject(), id)) {
			throw notFound(id);
		}
	}

	private Subscription find(Caller caller, UUID id) {
		return this.repository.find(caller.tenant(), caller.subject(), id).orElseThrow(() -> notFound(id));
	}

	private Subscription build(Caller caller, UUID id, SubscriptionRequest request, Instant createdAt,
			Instant updatedAt) {
		if (request.channels().contains(Channel.WEBHOOK)) {
			if (request.webhookId() == null) {
				throw new InvalidFieldException("webhookId", "is required for the WEBHOOK channel");
			}
			if (this.webhooks.find(caller.tenant(), request.webhookId()).isEmpty()) {
				throw new InvalidFieldException("webhookId", "no webhook " + request.webhookId() + " in this tenant");
			}
		}
		else if (request.webhookId() != null) {
			throw new InvalidFieldException("webhookId", "is only allowed with the WEBHOOK channel");
		}
		return new Subscription(id.toString(), caller.tenant(), caller.subject(), request.name().strip(),
				request.channels(), (request.minSeverity() != null) ? request.minSeverity() : Severity.INFO,
				orEmpty(request.alertTypes()), orEmpty(request.groupIds()), orEmpty(request.deviceIds()),
				(request.quietHours() != null) ? request.quietHours().start() : null,
				(request.quietHours() != null) ? request.quietHours().end() : null, request.webhookId(),
				request.enabled() == null || request.enabled(), createdAt, updatedAt);
	}

	private static Set<String> orEmpty(Set<String> values) {
		return (values != null) ? values : Set.of();
	}

	private static NotFoundException notFound(UUID id) {
		return new NotFoundException("No subscription " + id);
	}

}
