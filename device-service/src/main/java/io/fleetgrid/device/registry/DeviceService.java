package io.fleetgrid.device.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.fleetgrid.contracts.event.DeviceSnapshot.EnergyProfile;
import io.fleetgrid.contracts.event.DeviceSnapshot.VehicleProfile;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.device.credentials.TokenHasher;
import io.fleetgrid.device.outbox.Outbox;
import io.fleetgrid.device.outbox.Republishable;
import io.fleetgrid.device.web.ConflictException;
import io.fleetgrid.device.web.NotFoundException;
import io.fleetgrid.device.web.Page;
import io.fleetgrid.device.web.Validator;
import io.fleetgrid.security.Caller;
import io.fleetgrid.security.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Device and group use cases. Every change that a {@code DeviceSnapshot} reflects
 * (create, update, activate, deactivate, credential rotation and revocation) appends the
 * new snapshot to the outbox in the same transaction; a delete appends a tombstone.
 */
@Service
public class DeviceService implements Republishable {

	/** Fuel types accepted for vehicles. */
	static final Set<String> FUEL_TYPES = Set.of("PETROL", "DIESEL", "ELECTRIC", "HYBRID", "PLUGIN_HYBRID", "LPG",
			"CNG", "HYDROGEN", "OTHER");

	/** Ids that would collide with the paths under {@code /api/v1/devices}. */
	static final Set<String> RESERVED_IDS = Set.of("import", "export");

	/**
	 * Prefix of the platform's own identities on device channels (ingest-service logs in
	 * to the MQTT broker as {@code fleetgrid-ingest}); no device may take such an id.
	 */
	static final String RESERVED_PREFIX = "fleetgrid-";

	private final DeviceRepository devices;

	private final Outbox outbox;

	private final TokenHasher hasher;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param devices the repository
	 * @param outbox the outbox
	 * @param hasher the token hasher
	 * @param clock the clock
	 */
	public DeviceService(DeviceRepository devices, Outbox outbox, TokenHasher hasher, Clock clock) {
		this.devices = devices;
		this.outbox = outbox;
		this.hasher = hasher;
		this.clock = clock;
	}

	/**
	 * Registers a device and issues its first token.
	 * @param tenantId the tenant
	 * @param request the device
	 * @return the device and its token (shown once)
	 */
	@Transactional
	public IssuedCredential create(String tenantId, DeviceRequest request) {
		Device device = validNew(tenantId, request, new Validator());
		if (this.devices.idTaken(device.id())) {
			throw new ConflictException("Device id '" + device.id() + "' is already taken");
		}
		String token = this.hasher.newToken();
		this.devices.insert(device, this.hasher.hash(device.id(), token));
		publish(device);
		return new IssuedCredential(DeviceView.of(device), token);
	}

	/**
	 * Validates a new device without storing it (also used by the CSV import).
	 * @param tenantId the tenant
	 * @param request the device
	 * @param validator collects the errors; thrown if any
	 * @return the device as it would be stored
	 */
	Device validNew(String tenantId, DeviceRequest request, Validator validator) {
		if (validator.id(request.id(), "id")) {
			validator.check(!RESERVED_IDS.contains(request.id()), "id", "'" + request.id() + "' is reserved");
			validator.check(!request.id().toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX), "id",
					"ids starting with '" + RESERVED_PREFIX + "' are reserved for the platform");
		}
		validator.check(request.type() != null, "type", "must be one of VEHICLE, INVERTER, BATTERY, METER");
		validator.requiredText(request.name(), "name", 200);
		VehicleProfile vehicle = validAttributes(tenantId, request.type(), request.groupId(), request.tags(),
				request.assignedUserIds(), request.vehicle(), request.energy(), validator);
		validator.throwIfInvalid();
		Instant now = now();
		return new Device(tenantId, request.id(), request.type(), request.name().strip(),
				blankToNull(request.groupId()), request.tags(), request.assignedUserIds(),
				request.active() == null || request.active(), vehicle, request.energy(), now, now, null, now);
	}

	/**
	 * A device the caller may see.
	 * @param caller the caller
	 * @param id the device
	 * @return the device
	 * @throws NotFoundException if the tenant has no such device or the caller (role
	 * USER) is not assigned to it
	 */
	public DeviceView get(Caller caller, String id) {
		return DeviceView.of(visible(caller, id));
	}

	/**
	 * The device, if the caller may see it.
	 * @param caller the caller
	 * @param id the device
	 * @return the device
	 */
	public Device visible(Caller caller, String id) {
		Device device = this.devices.find(caller.tenant(), id, false)
			.orElseThrow(() -> new NotFoundException("device", id));
		if (!caller.has(Role.FLEET_MANAGER) && !device.assignedUserIds().contains(caller.subject())) {
			throw new NotFoundException("device", id);
		}
		return device;
	}

	/**
	 * Searches the devices the caller may see.
	 * @param caller the caller
	 * @param filter the filter (its {@code visibleTo} is replaced by the caller's
	 * restriction)
	 * @param page page number
	 * @param size page size
	 * @return the page
	 */
	public Page<DeviceView> search(Caller caller, DeviceFilter filter, int page, int size) {
		Page.validate(page, size);
		String visibleTo = caller.has(Role.FLEET_MANAGER) ? null : caller.subject();
		DeviceFilter scoped = new DeviceFilter(visibleTo, filter.type(), filter.groupId(), filter.active(),
				filter.tag(), filter.query());
		String tenant = caller.tenant();
		List<DeviceView> items = this.devices.search(tenant, scoped, page, size).stream().map(DeviceView::of).toList();
		return new Page<>(items, page, size, this.devices.count(tenant, scoped));
	}

	/**
	 * Changes a device.
	 * @param tenantId the tenant
	 * @param id the device
	 * @param patch the changes
	 * @return the changed device
	 */
	@Transactional
	public DeviceView update(String tenantId, String id, DevicePatch patch) {
		Device current = locked(tenantId, id);
		Validator validator = new Validator();
		if (patch.name() != null) {
			validator.requiredText(patch.name(), "name", 200);
		}
		String groupId = (patch.groupId() != null) ? blankToNull(patch.groupId()) : current.groupId();
		List<String> tags = (patch.tags() != null) ? patch.tags() : current.tags();
		List<String> users = (patch.assignedUserIds() != null) ? patch.assignedUserIds() : current.assignedUserIds();
		VehicleProfile vehicle = (patch.vehicle() != null) ? patch.vehicle() : current.vehicle();
		EnergyProfile energy = (patch.energy() != null) ? patch.energy() : current.energy();
		vehicle = validAttributes(tenantId, current.type(), groupId, tags, users, vehicle, energy, validator);
		validator.throwIfInvalid();
		Device changed = new Device(tenantId, id, current.type(),
				(patch.name() != null) ? patch.name().strip() : current.name(), groupId, tags, users, current.active(),
				vehicle, energy, current.createdAt(), now(), current.lastSeenAt(), current.credentialIssuedAt());
		this.devices.update(changed);
		publish(changed);
		return DeviceView.of(changed);
	}

	/**
	 * Activates or deactivates a device; ingest refuses an inactive device as soon as it
	 * sees the new snapshot.
	 * @param tenantId the tenant
	 * @param id the device
	 * @param active the new state
	 * @return the device
	 */
	@Transactional
	public DeviceView setActive(String tenantId, String id, boolean active) {
		Device current = locked(tenantId, id);
		if (current.active() == active) {
			return DeviceView.of(current);
		}
		Device changed = new Device(tenantId, id, current.type(), current.name(), current.groupId(), current.tags(),
				current.assignedUserIds(), active, current.vehicle(), current.energy(), current.createdAt(), now(),
				current.lastSeenAt(), current.credentialIssuedAt());
		this.devices.update(changed);
		publish(changed);
		return DeviceView.of(changed);
	}

	/**
	 * Issues a new token; the old one stops working at once here and, at ingest, as soon
	 * as it sees the new snapshot.
	 * @param tenantId the tenant
	 * @param id the device
	 * @return the device and its new token (shown once)
	 */
	@Transactional
	public IssuedCredential rotateCredential(String tenantId, String id) {
		Device current = locked(tenantId, id);
		Instant now = now();
		String token = this.hasher.newToken();
		this.devices.updateCredential(tenantId, id, this.hasher.hash(id, token), now);
		Device changed = withCredential(current, now, now);
		publish(changed);
		return new IssuedCredential(DeviceView.of(changed), token);
	}

	/**
	 * Revokes the device's token; the device cannot authenticate until a new one is
	 * issued.
	 * @param tenantId the tenant
	 * @param id the device
	 * @return the device
	 */
	@Transactional
	public DeviceView revokeCredential(String tenantId, String id) {
		Device current = locked(tenantId, id);
		Instant now = now();
		this.devices.updateCredential(tenantId, id, null, now);
		Device changed = withCredential(current, now, null);
		publish(changed);
		return DeviceView.of(changed);
	}

	/**
	 * Deletes a device and publishes its tombstone.
	 * @param tenantId the tenant
	 * @param id the device
	 */
	@Transactional
	public void delete(String tenantId, String id) {
		if (!this.devices.delete(tenantId, id)) {
			throw new NotFoundException("device", id);
		}
		this.outbox.append(Topics.DEVICES, id, null);
	}

	@Override
	public int republish(String tenantId) {
		List<Device> all = this.devices.all(tenantId);
		all.forEach(this::publish);
		return all.size();
	}

	private Device locked(String tenantId, String id) {
		return this.devices.find(tenantId, id, true).orElseThrow(() -> new NotFoundException("device", id));
	}

	private void publish(Device device) {
		this.outbox.append(Topics.DEVICES, device.id(), device.snapshot());
	}

	private VehicleProfile validAttributes(String tenantId, DeviceType type, String groupId, List<String> tags,
			List<String> users, VehicleProfile vehicle, EnergyProfile energy, Validator validator) {
		validator.texts(tags, "tags", 32, 64);
		validator.texts(users, "assignedUserIds", 100, 200);
		String group = blankToNull(groupId);
		if (group != null && type != null) {
			this.devices.findGroup(tenantId, group).ifPresentOrElse((found) -> {
				GroupKind expected = (type == DeviceType.VEHICLE) ? GroupKind.FLEET : GroupKind.SITE;
				validator.check(found.kind() == expected, "groupId",
						"group '" + group + "' is a " + found.kind() + "; a " + type + " belongs to a " + expected);
			}, () -> validator.reject("groupId", "no group '" + group + "'"));
		}
		if (type == DeviceType.VEHICLE) {
			validator.check(energy == null, "energy", "only inverters, batteries and meters have energy attributes");
			return validVehicle(vehicle, validator);
		}
		validator.check(vehicle == null, "vehicle", "only vehicles have vehicle attributes");
		if (energy != null) {
			validator.optionalText(energy.serial(), "energy.serial", 64);
			validator.optionalText(energy.vendor(), "energy.vendor", 64);
			validator.optionalText(energy.model(), "energy.model", 64);
			validator.range(energy.ratedPowerKw(), "energy.ratedPowerKw", 0, 1_000_000);
			validator.range(energy.pvPeakKwp(), "energy.pvPeakKwp", 0, 1_000_000);
			validator.range(energy.batteryCapacityKwh(), "energy.batteryCapacityKwh", 0, 10_000_000);
		}
		return vehicle;
	}

	private VehicleProfile validVehicle(VehicleProfile vehicle, Validator validator) {
		if (vehicle == null) {
			return null;
		}
		String vin = Vins.normalise(vehicle.vin());
		if (vin != null) {
			String problem = Vins.problem(vin);
			validator.check(problem == null, "vehicle.vin", problem);
		}
		validator.optionalText(vehicle.plate(), "vehicle.plate", 16);
		validator.optionalText(vehicle.make(), "vehicle.make", 64);
		validator.optionalText(vehicle.model(), "vehicle.model", 64);
		validator.range(vehicle.year(), "vehicle.year", 1900, Year.now(this.clock).getValue() + 1);
		validator.check(vehicle.fuelType() == null || FUEL_TYPES.contains(vehicle.fuelType()), "vehicle.fuelType",
				"must be one of " + FUEL_TYPES.stream().sorted().toList());
		validator.range(vehicle.odometerAtInstallKm(), "vehicle.odometerAtInstallKm", 0, 10_000_000);
		validator.range(vehicle.serviceIntervalKm(), "vehicle.serviceIntervalKm", 1, 1_000_000);
		validator.range(vehicle.serviceIntervalMonths(), "vehicle.serviceIntervalMonths", 1, 240);
		validator.check(
				vehicle.lastServiceDate() == null || !vehicle.lastServiceDate().isAfter(LocalDate.now(this.clock)),
				"vehicle.lastServiceDate", "must not be in the future");
		validator.range(vehicle.lastServiceOdometerKm(), "vehicle.lastServiceOdometerKm", 0, 10_000_000);
		return new VehicleProfile(vin, vehicle.plate(), vehicle.make(), vehicle.model(), vehicle.year(),
				vehicle.fuelType(), vehicle.odometerAtInstallKm(), vehicle.serviceIntervalKm(),
				vehicle.serviceIntervalMonths(), vehicle.lastServiceDate(), vehicle.lastServiceOdometerKm());
	}

	private static Device withCredential(Device current, Instant now, Instant issuedAt) {
		return new Device(current.tenantId(), current.id(), current.type(), current.name(), current.groupId(),
				current.tags(), current.assignedUserIds(), current.active(), current.vehicle(), current.energy(),
				current.createdAt(), now, current.lastSeenAt(), issuedAt);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
