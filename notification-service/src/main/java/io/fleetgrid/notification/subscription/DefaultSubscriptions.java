package io.fleetgrid.notification.subscription;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.NotificationOutcome.Channel;

/**
 * What a user without subscriptions gets: FLEET_MANAGERs and ADMINs WARNING and above of
 * their tenant by e-mail and web; USERs every alert of their assigned devices on the web.
 */
public final class DefaultSubscriptions {

	/** Id of a user's default subscription. */
	public static final String DEFAULT_ID = "default";

	private DefaultSubscriptions() {
	}

	/**
	 * The default subscription of a user.
	 * @param tenantId tenant
	 * @param userId user
	 * @param manager whether the user is a FLEET_MANAGER or ADMIN
	 * @return the defaults
	 */
	public static List<Subscription> forUser(String tenantId, String userId, boolean manager) {
		Set<Channel> channels = manager ? EnumSet.of(Channel.EMAIL, Channel.WEB) : EnumSet.of(Channel.WEB);
		Severity minSeverity = manager ? Severity.WARNING : Severity.INFO;
		String name = manager ? "Default: WARNING and above of the tenant" : "Default: alerts of my devices";
		return List.of(new Subscription(DEFAULT_ID, tenantId, userId, name, channels, minSeverity, Set.of(), Set.of(),
				Set.of(), null, null, null, true, Instant.EPOCH, Instant.EPOCH));
	}

}
