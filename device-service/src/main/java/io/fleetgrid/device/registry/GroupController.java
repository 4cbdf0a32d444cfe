package io.fleetgrid.device.registry;

import java.time.Instant;
import java.util.List;

import io.fleetgrid.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v1/groups}: fleets and sites. Every role of the tenant reads them;
 * FLEET_MANAGER and above manage them.
 */
@RestController
@RequestMapping("/api/v1/groups")
class GroupController {

	private final GroupService groups;

	GroupController(GroupService groups) {
		this.groups = groups;
	}

	@GetMapping
	@PreAuthorize("hasRole('USER')")
	List<GroupView> list(Caller caller) {
		return this.groups.list(caller.tenant()).stream().map(GroupView::of).toList();
	}

	@PostMapping
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	ResponseEntity<GroupView> create(Caller caller, @RequestBody GroupRequest request) {
		DeviceGroup group = this.groups.create(caller.tenant(), request);
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(group.id()).toUri())
			.body(GroupView.of(group));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('USER')")
	GroupView get(Caller caller, @PathVariable String id) {
		return GroupView.of(this.groups.get(caller.tenant(), id));
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	GroupView update(Caller caller, @PathVariable String id, @RequestBody GroupRequest request) {
		return GroupView.of(this.groups.update(caller.tenant(), id, request));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('FLEET_MANAGER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Caller caller, @PathVariable String id) {
		this.groups.delete(caller.tenant(), id);
	}

	/**
	 * A group as the API shows it.
	 *
	 * @param id the id
	 * @param name the name
	 * @param kind FLEET or SITE
	 * @param description the description, or null
	 * @param createdAt creation time
	 * @param updatedAt last change
	 */
	record GroupView(String id, String name, GroupKind kind, String description, Instant createdAt, Instant updatedAt) {

		static GroupView of(DeviceGroup group) {
			return new GroupView(group.id(), group.name(), group.kind(), group.description(), group.createdAt(),
					group.updatedAt());
		}

	}

}
