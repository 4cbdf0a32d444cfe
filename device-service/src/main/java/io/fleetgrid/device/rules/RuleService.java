package io.fleetgrid.device.rules;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.fleetgrid.contracts.event.RuleSettings;
import io.fleetgrid.contracts.event.RuleSettings.Thresholds;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.device.outbox.Outbox;
import io.fleetgrid.device.outbox.Republishable;
import io.fleetgrid.device.registry.DeviceRepository;
import io.fleetgrid.device.registry.GroupDeletedEvent;
import io.fleetgrid.device.web.NotFoundException;
import io.fleetgrid.device.web.Validator;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rule settings per group and tenant defaults. Every change appends the new
 * {@link RuleSettings} (or a tombstone) to the outbox in the same transaction.
 */
@Service
public class RuleService implements Republishable {

	private final RuleRepository rules;

	private final DeviceRepository registry;

	private final Outbox outbox;

	private final Clock clock;

	RuleService(RuleRepository rules, DeviceRepository registry, Outbox outbox, Clock clock) {
		this.rules = rules;
		this.registry = registry;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * The settings of a group, or with {@link RuleSettings#TENANT_DEFAULTS} the tenant
	 * defaults.
	 * @param tenantId the tenant
	 * @param groupId the group or {@code *}
	 * @return own and effective thresholds
	 */
	public RuleSettingsView get(String tenantId, String groupId) {
		requireGroup(tenantId, groupId);
		Thresholds own = this.rules.find(tenantId, groupId).map(RuleSettings::thresholds).orElse(Thresholds.NONE);
		return new RuleSettingsView(groupId, own, effective(tenantId, groupId, own),
				this.rules.find(tenantId, groupId).map(RuleSettings::updatedAt).orElse(null));
	}

	/**
	 * Replaces the thresholds set at one level.
	 * @param tenantId the tenant
	 * @param groupId the group or {@code *}
	 * @param thresholds the thresholds (null fields: not set at this level)
	 * @return own and effective thresholds
	 */
	@Transactional
	public RuleSettingsView put(String tenantId, String groupId, Thresholds thresholds) {
		requireGroup(tenantId, groupId);
		Thresholds own = (thresholds != null) ? thresholds : Thresholds.NONE;
		Validator validator = new Validator();
		validate(own, validator);
		validator.throwIfInvalid();
		bands(own, tenantDefaults(tenantId, groupId), "", validator);
		if (RuleSettings.TENANT_DEFAULTS.equals(groupId)) {
			// New defaults must leave every group's effective bands non-empty.
			for (RuleSettings group : this.rules.all(tenantId)) {
				if (!RuleSettings.TENANT_DEFAULTS.equals(group.groupId())) {
					bands(group.thresholds(), own, " with the settings of group '" + group.groupId() + "'", validator);
				}
			}
		}
		validator.throwIfInvalid();
		RuleSettings settings = new RuleSettings(tenantId, groupId, own,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		this.rules.upsert(settings);
		this.outbox.append(Topics.RULES, settings.key(), settings);
		return new RuleSettingsView(groupId, own, effective(tenantId, groupId, own), settings.updatedAt());
	}

	/**
	 * Removes the thresholds set at one level (the next level applies again).
	 * @param tenantId the tenant
	 * @param groupId the group or {@code *}
	 */
	@Transactional
	public void delete(String tenantId, String groupId) {
		requireGroup(tenantId, groupId);
		if (this.rules.delete(tenantId, groupId)) {
			this.outbox.append(Topics.RULES, RuleSettings.key(tenantId, groupId), null);
		}
	}

	@EventListener
	void groupDeleted(GroupDeletedEvent event) {
		if (this.rules.delete(event.tenantId(), event.groupId())) {
			this.outbox.append(Topics.RULES, RuleSettings.key(event.tenantId(), event.groupId()), null);
		}
	}

	@Override
	public int republish(String tenantId) {
		List<RuleSettings> all = this.rules.all(tenantId);
		all.forEach((settings) -> this.outbox.append(Topics.RULES, settings.key(), settings));
		return all.size();
	}

	private Thresholds tenantDefaults(String tenantId, String groupId) {
		if (RuleSettings.TENANT_DEFAULTS.equals(groupId)) {
			return Thresholds.NONE;
		}
		return this.rules.find(tenantId, RuleSettings.TENANT_DEFAULTS)
			.map(RuleSettings::thresholds)
			.orElse(Thresholds.NONE);
	}

	private Thresholds effective(String tenantId, String groupId, Thresholds own) {
		return own.orElse(tenantDefaults(tenantId, groupId)).orElse(Thresholds.PLATFORM_DEFAULTS);
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private void requireGroup(String tenantId, String groupId) {
		if (!RuleSettings.TENANT_DEFAULTS.equals(groupId) && this.registry.findGroup(tenantId, groupId).isEmpty()) {
			throw new NotFoundException("group", groupId);
		}
	}

	/**
	 * Plausible ranges of every threshold.
	 * @param thresholds the thresholds
	 * @param validator collects the errors
	 */
	static void validate(Thresholds thresholds, Validator validator) {
		validator.range(thresholds.speedLimitKph(), "speedLimitKph", 1, 400);
		validator.range(thresholds.overspeedMinSeconds(), "overspeedMinSeconds", 0, 3600);
		validator.range(thresholds.harshBrakingMps2(), "harshBrakingMps2", 0.5, 20);
		validator.range(thresholds.harshAccelerationMps2(), "harshAccelerationMps2", 0.5, 20);
		validator.range(thresholds.coolantMaxC(), "coolantMaxC", 50, 200);
		validator.range(thresholds.oilPressureMinKpa(), "oilPressureMinKpa", 0, 1000);
		validator.range(thresholds.tirePressureMinKpa(), "tirePressureMinKpa", 0, 1000);
		validator.range(thresholds.fuelMinPct(), "fuelMinPct", 0, 100);
		validator.range(thresholds.offlineAfterMinutes(), "offlineAfterMinutes", 1, 7 * 24 * 60);
		validator.range(thresholds.batterySocMinPct(), "batterySocMinPct", 0, 100);
		validator.range(thresholds.inverterTempMaxC(), "inverterTempMaxC", 20, 150);
		validator.range(thresholds.productionDropPct(), "productionDropPct", 0, 100);
		validator.range(thresholds.gridVoltageMinV(), "gridVoltageMinV", 50, 1000);
		validator.range(thresholds.gridVoltageMaxV(), "gridVoltageMaxV", 50, 1000);
		validator.range(thresholds.gridFrequencyMinHz(), "gridFrequencyMinHz", 40, 70);
		validator.range(thresholds.gridFrequencyMaxHz(), "gridFrequencyMaxHz", 40, 70);
	}

	/**
	 * Checks that the voltage and frequency bands stay non-empty when {@code own} is
	 * merged with the next levels.
	 */
	private static void bands(Thresholds own, Thresholds next, String context, Validator validator) {
		Thresholds platform = Thresholds.PLATFORM_DEFAULTS;
		band(or(or(own.gridVoltageMinV(), next.gridVoltageMinV()), platform.gridVoltageMinV()),
				or(or(own.gridVoltageMaxV(), next.gridVoltageMaxV()), platform.gridVoltageMaxV()), "gridVoltageMinV",
				context, validator);
		band(or(or(own.gridFrequencyMinHz(), next.gridFrequencyMinHz()), platform.gridFrequencyMinHz()),
				or(or(own.gridFrequencyMaxHz(), next.gridFrequencyMaxHz()), platform.gridFrequencyMaxHz()),
				"gridFrequencyMinHz", context, validator);
	}

	private static void band(double min, double max, String field, String context, Validator validator) {
		validator.check(min <= max, field,
				"the effective band would be empty: minimum " + min + " > maximum " + max + context);
	}

}
