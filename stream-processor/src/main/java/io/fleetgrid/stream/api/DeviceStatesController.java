package io.fleetgrid.stream.api;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.security.Caller;
import io.fleetgrid.stream.registry.Registry;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The latest states of all the devices a caller may see ({@link DeviceScope}: the
 * caller's tenant, for role USER only the devices assigned to it), as a list and as a
 * live stream.
 * <ul>
 * <li>{@code GET /api/v1/device-states?groupId&deviceType}: one
 * {@link DeviceStateResponse} per device in scope that has sent data, by device id.</li>
 * <li>{@code GET /api/v1/device-states/stream?groupId&deviceType}: Server-Sent Events,
 * {@code event: state} with the same record as data for every new state of a device in
 * scope, and a heartbeat comment every {@code fleetgrid.stream.state-stream.heartbeat}.
 * No replay: a client loads the list, then follows the stream.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/device-states")
class DeviceStatesController {

	private final DeviceStateView view;

	private final Registry registry;

	private final StateStreamHub hub;

	DeviceStatesController(DeviceStateView view, Registry registry, StateStreamHub hub) {
		this.view = view;
		this.registry = registry;
		this.hub = hub;
	}

	@GetMapping
	List<DeviceStateResponse> list(Caller caller,
			@RequestParam(name = "groupId", required = false) @Nullable String groupId,
			@RequestParam(name = "deviceType", required = false) @Nullable String deviceType) {
		DeviceScope scope = DeviceScope.of(caller, groupId, deviceType);
		List<String> deviceIds = this.registry.devices()
			.stream()
			.filter(scope::admits)
			.map(DeviceSnapshot::deviceId)
			.sorted(Comparator.naturalOrder())
			.toList();
		return this.view.findAll(deviceIds)
			.stream()
			.filter((state) -> state.tenantId().equals(scope.tenantId()))
			.map(DeviceStateResponse::of)
			.toList();
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Caller caller, @RequestParam(name = "groupId", required = false) @Nullable String groupId,
			@RequestParam(name = "deviceType", required = false) @Nullable String deviceType) {
		return this.hub.open(DeviceScope.of(caller, groupId, deviceType));
	}

}
