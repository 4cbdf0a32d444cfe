package io.fleetgrid.notification.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.topic.Topics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the compacted {@code fleetgrid.devices.v1} into the {@code device_directory}
 * table (upsert per snapshot, delete on a tombstone), so resolving recipients needs no
 * call to device-service.
 */
@Component
public class DeviceDirectory {

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * Creates the directory.
	 * @param jdbc database
	 * @param clock clock
	 */
	public DeviceDirectory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@KafkaListener(id = "notification-devices", topics = "fleetgrid.devices.v1",
			containerFactory = "deviceListenerContainerFactory")
	void onSnapshot(ConsumerRecord<String, DeviceSnapshot> record) {
		DeviceSnapshot device = record.value();
		if (device == null) {
			this.jdbc.sql("delete from device_directory where device_id = ?").param(record.key()).update();
			return;
		}
		save(device);
	}

	/**
	 * Stores a device snapshot.
	 * @param device the snapshot
	 */
	public void save(DeviceSnapshot device) {
		this.jdbc.sql("""
				insert into device_directory (tenant_id, device_id, group_id, assigned_user_ids, updated_at)
				values (?, ?, ?, ?, ?)
				on conflict (tenant_id, device_id) do update set group_id = excluded.group_id,
				    assigned_user_ids = excluded.assigned_user_ids, updated_at = excluded.updated_at""")
			.params(device.tenantId(), device.deviceId(), device.groupId(), String.join(",", device.assignedUserIds()),
					Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * A device of a tenant.
	 * @param tenantId tenant
	 * @param deviceId device
	 * @return what is known about it
	 */
	public Optional<DeviceInfo> find(String tenantId, String deviceId) {
		return this.jdbc
			.sql("select group_id, assigned_user_ids from device_directory where tenant_id = ? and device_id = ?")
			.params(tenantId, deviceId)
			.query((rs, row) -> new DeviceInfo(tenantId, deviceId, rs.getString(1),
					Arrays.stream(rs.getString(2).split(","))
						.filter((id) -> !id.isBlank())
						.collect(Collectors.toSet())))
			.optional();
	}

	static String topic() {
		return Topics.DEVICES.name();
	}

}
