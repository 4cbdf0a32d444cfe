package io.fleetgrid.device.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.fleetgrid.device.web.ConflictException;
import io.fleetgrid.device.web.NotFoundException;
import io.fleetgrid.device.web.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fleets and sites of a tenant.
 */
@Service
public class GroupService {

	private final DeviceRepository repository;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	/**
	 * Creates the service.
	 * @param repository the repository
	 * @param clock the clock
	 * @param events publishes {@link GroupDeletedEvent}
	 */
	public GroupService(DeviceRepository repository, Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Creates a group.
	 * @param tenantId the tenant
	 * @param request the group
	 * @return the group
	 */
	@Transactional
	public DeviceGroup create(String tenantId, GroupRequest request) {
		Validator validator = new Validator();
		validator.id(request.id(), "id");
		validator.requiredText(request.name(), "name", 200);
		validator.check(request.kind() != null, "kind", "must be FLEET or SITE");
		validator.optionalText(request.description(), "description", 2000);
		validator.throwIfInvalid();
		if (this.repository.findGroup(tenantId, request.id()).isPresent()) {
			throw new ConflictException("Group '" + request.id() + "' already exists");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		DeviceGroup group = new DeviceGroup(tenantId, request.id(), request.name().strip(), request.kind(),
				request.description(), now, now);
		this.repository.insertGroup(group);
		return group;
	}

	/**
	 * A group of the tenant.
	 * @param tenantId the tenant
	 * @param id the group
	 * @return the group
	 */
	public DeviceGroup get(String tenantId, String id) {
		return this.repository.findGroup(tenantId, id).orElseThrow(() -> new NotFoundException("group", id));
	}

	/**
	 * The tenant's groups.
	 * @param tenantId the tenant
	 * @return the groups
	 */
	public List<DeviceGroup> list(String tenantId) {
		return this.repository.groups(tenantId);
	}

	/**
	 * Renames or re-describes a group.
	 * @param tenantId the tenant
	 * @param id the group
	 * @param request new name and/or description
	 * @return the group
	 */
	@Transactional
	public DeviceGroup update(String tenantId, String id, GroupRequest request) {
		DeviceGroup current = get(tenantId, id);
		Validator validator = new Validator();
		if (request.name() != null) {
			validator.requiredText(request.name(), "name", 200);
		}
		validator.optionalText(request.description(), "description", 2000);
		validator.check(request.kind() == null || request.kind() == current.kind(), "kind", "cannot change");
		validator.throwIfInvalid();
		DeviceGroup changed = new DeviceGroup(tenantId, id,
				(request.name() != null) ? request.name().strip() : current.name(), current.kind(),
				(request.description() != null) ? request.description() : current.description(), current.createdAt(),
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		this.repository.updateGroup(changed);
		return changed;
	}

	/**
	 * Deletes an empty group.
	 * @param tenantId the tenant
	 * @param id the group
	 */
	@Transactional
	public void delete(String tenantId, String id) {
		get(tenantId, id);
		long members = this.repository.countInGroup(tenantId, id);
		if (members > 0) {
			throw new ConflictException("Group '" + id + "' still has " + members + " devices");
		}
		this.repository.deleteGroup(tenantId, id);
		this.events.publishEvent(new GroupDeletedEvent(tenantId, id));
	}

}
