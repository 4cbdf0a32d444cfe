package io.fleetgrid.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.contracts.event.NotificationOutcome.DeliveryStatus;
import io.fleetgrid.notification.NotificationProperties;
import io.fleetgrid.notification.directory.DeviceDirectory;
import io.fleetgrid.notification.directory.DeviceInfo;
import io.fleetgrid.notification.directory.TenantUser;
import io.fleetgrid.notification.directory.UserDirectory;
import io.fleetgrid.notification.directory.UserLookupException;
import io.fleetgrid.notification.subscription.DefaultSubscriptions;
import io.fleetgrid.notification.subscription.Subscription;
import io.fleetgrid.notification.subscription.SubscriptionRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns one alert transition into delivery rows, in one transaction and before anything
 * is sent: resolves the recipients (the tenant's users and their subscriptions or
 * defaults), applies throttling and quiet hours, and inserts each notification under its
 * unique idempotency key (a redelivered alert inserts nothing). UPDATED transitions are
 * not notified (they would only repeat a RAISED one); RAISED, CLEARED and ACKNOWLEDGED
 * are.
 */
@Component
public class AlertPlanner {

	static final String ESCALATION = "escalation";

	private static final Logger LOGGER = LoggerFactory.getLogger(AlertPlanner.class);

	private final UserDirectory users;

	private final DeviceDirectory devices;

	private final SubscriptionRepository subscriptions;

	private final DeliveryRepository deliveries;

	private final EscalationRepository escalations;

	private final ThrottleWindowRepository throttleWindows;

	private final DeliveryEvents events;

	private final Clock clock;

	private final NotificationProperties properties;

	AlertPlanner(UserDirectory users, DeviceDirectory devices, SubscriptionRepository subscriptions,
			DeliveryRepository deliveries, EscalationRepository escalations, ThrottleWindowRepository throttleWindows,
			DeliveryEvents events, Clock clock, NotificationProperties properties) {
		this.users = users;
		this.devices = devices;
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.escalations = escalations;
		this.throttleWindows = throttleWindows;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Plans the notifications of an alert transition.
	 * @param alert the alert event
	 * @return the rows inserted now (none if the transition was planned before)
	 * @throws UserLookupException when the recipients cannot be resolved yet (nothing was
	 * written; retry later)
	 */
	@Transactional
	public List<Delivery> plan(AlertEvent alert) throws UserLookupException {
		trackEscalation(alert);
		if (alert.status() == Status.UPDATED) {
			return List.of();
		}
		List<TenantUser> tenantUsers = this.users.users(alert.tenantId());
		DeviceInfo device = this.devices.find(alert.tenantId(), alert.deviceId()).orElse(null);
		Map<String, List<Subscription>> byUser = this.subscriptions.findByTenant(alert.tenantId())
			.stream()
			.collect(Collectors.groupingBy(Subscription::userId));
		Instant now = this.clock.instant();
		List<Delivery> inserted = new ArrayList<>();
		for (TenantUser user : tenantUsers) {
			if (!user.enabled()) {
				continue;
			}
			List<Subscription> own = byUser.getOrDefault(user.id(),
					DefaultSubscriptions.forUser(alert.tenantId(), user.id(), user.isManager()));
			for (Subscription subscription : own) {
				if (!subscription.matches(alert, device, user)) {
					continue;
				}
				for (Channel channel : subscription.channels()) {
					Decision decision = decide(alert, subscription, user, channel, now);
					Optional<Delivery> row = this.deliveries.insertIfAbsent(decision.delivery(), now);
					row.ifPresent(inserted::add);
					if (row.isPresent() && decision.throttleWindowStart() != null) {
						Instant start = decision.throttleWindowStart();
						this.throttleWindows.countSuppressed(decision.delivery(), start,
								start.plus(this.properties.throttle().window()), now);
					}
				}
			}
		}
		this.events.afterCommit(inserted);
		return inserted;
	}

	/**
	 * Plans the escalation of an alert to the tenant's admins.
	 * @param alert the alert (its latest transition)
	 * @param after the tenant's escalation time (for the reason)
	 * @return rows inserted
	 * @throws UserLookupException when the admins cannot be resolved yet
	 */
	@Transactional
	public List<Delivery> planEscalation(AlertEvent alert, Duration after) throws UserLookupException {
		Instant now = this.clock.instant();
		List<Delivery> inserted = new ArrayList<>();
		for (TenantUser user : this.users.users(alert.tenantId())) {
			if (!user.enabled() || !user.isAdmin()) {
				continue;
			}
			for (Channel channel : List.of(Channel.EMAIL, Channel.WEB)) {
				String target = target(user, channel, null);
				NewDelivery planned = (target != null)
						? new NewDelivery(alert, ESCALATION, user.id(), channel, target, dueStatus(channel),
								"escalated: not acknowledged within " + after, false, now)
						: new NewDelivery(alert, ESCALATION, user.id(), channel, user.id(), DeliveryStatus.SUPPRESSED,
								"no e-mail address", false, now);
				this.deliveries.insertIfAbsent(planned, now).ifPresent(inserted::add);
			}
		}
		this.events.afterCommit(inserted);
		return inserted;
	}

	private Decision decide(AlertEvent alert, Subscription subscription, TenantUser user, Channel channel,
			Instant now) {
		String target = target(user, channel, subscription);
		if (target == null) {
			return new Decision(new NewDelivery(alert, subscription.id(), user.id(), channel, user.id(),
					DeliveryStatus.SUPPRESSED, "no e-mail address", false, now), null);
		}
		if (alert.status() == Status.RAISED) {
			NotificationProperties.Throttle throttle = this.properties.throttle();
			DeliveryRepository.Recent recent = this.deliveries.recent(alert.tenantId(), alert.deviceId(),
					alert.type().name(), subscription.id(), user.id(), channel, now.minus(throttle.window()));
			if (recent.count() >= throttle.maxPerWindow()) {
				Instant windowEnd = recent.oldest().plus(throttle.window());
				return new Decision(new NewDelivery(alert, subscription.id(), user.id(), channel, target,
						DeliveryStatus.SUPPRESSED,
						"throttled: " + recent.count() + " " + alert.type().name() + " notifications for "
								+ alert.deviceId() + " within " + throttle.window() + "; summarised at " + windowEnd,
						false, now), recent.oldest());
			}
		}
		if (channel == Channel.EMAIL && alert.severity() != Severity.CRITICAL && subscription.isQuiet(now, user)) {
			Instant end = subscription.quietEndsAfter(now, user);
			return new Decision(new NewDelivery(alert, subscription.id(), user.id(), channel, target,
					DeliveryStatus.PENDING, "held for the quiet-hours digest at " + end, true, end), null);
		}
		return new Decision(new NewDelivery(alert, subscription.id(), user.id(), channel, target, dueStatus(channel),
				null, false, now), null);
	}

	/**
	 * A WEB notification is complete once its row commits (the commit announces it to
	 * every instance's streams), so it is stored SENT; the others wait for the
	 * dispatcher.
	 */
	static DeliveryStatus dueStatus(Channel channel) {
		return (channel == Channel.WEB) ? DeliveryStatus.SENT : DeliveryStatus.PENDING;
	}

	private static @Nullable String target(TenantUser user, Channel channel, @Nullable Subscription subscription) {
		return switch (channel) {
			case EMAIL -> (user.email() != null && !user.email().isBlank()) ? user.email() : null;
			case WEB -> user.id();
			case WEBHOOK ->
				Optional.ofNullable(subscription).map(Subscription::webhookId).map(Object::toString).orElse(null);
		};
	}

	private void trackEscalation(AlertEvent alert) {
		if (!this.properties.escalation().enabled()) {
			return;
		}
		switch (alert.status()) {
			case RAISED, UPDATED -> {
				if (alert.severity() == Severity.CRITICAL) {
					this.escalations.open(alert, this.clock.instant());
				}
			}
			case CLEARED, ACKNOWLEDGED -> {
				if (this.escalations.stop(alert.alertId(), this.clock.instant())) {
					LOGGER.debug("Escalation of {} stopped: {}", alert.alertId(), alert.status());
				}
			}
			default -> {
			}
		}
	}

	/**
	 * A planned notification and, when it is suppressed by throttling, the start of its
	 * throttle window.
	 */
	private record Decision(NewDelivery delivery, @Nullable Instant throttleWindowStart) {
	}

}
