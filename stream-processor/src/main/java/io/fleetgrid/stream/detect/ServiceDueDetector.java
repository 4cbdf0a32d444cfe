package io.fleetgrid.stream.detect;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot.VehicleProfile;

/**
 * {@code SERVICE_DUE}: from the vehicle profile's service interval (km and/or months) and
 * last service (odometer and/or date). Raised {@code serviceWarnAheadKm} before the due
 * odometer or {@code serviceWarnAheadDays} before the due date, whichever comes first;
 * cleared when a new last service in the registry makes it no longer due.
 * <p>
 * The predicted service date is the earlier of the due date and the day the due odometer
 * is reached at the usage rate observed by this processor (km per day between the first
 * odometer reading it saw and the current one, once a day of history exists). Details
 * carry maintenance suggestions.
 */
public final class ServiceDueDetector implements Detector {

	@Override
	public void detect(Detection detection) {
		VehicleProfile vehicle = detection.device().vehicle();
		if (vehicle == null) {
			return;
		}
		DeviceMemory memory = detection.memory();
		OptionalDouble odometer = detection.number("odometerKm");
		if (odometer.isPresent() && memory.firstOdometerKm == null) {
			memory.firstOdometerKm = odometer.getAsDouble();
			memory.firstOdometerTs = detection.ts();
		}
		LocalDate today = LocalDate.ofInstant(detection.ts(), ZoneOffset.UTC);
		Double remainingKm = null;
		if (odometer.isPresent() && vehicle.serviceIntervalKm() != null) {
			double last = (vehicle.lastServiceOdometerKm() != null) ? vehicle.lastServiceOdometerKm()
					: (vehicle.odometerAtInstallKm() != null) ? vehicle.odometerAtInstallKm() : 0;
			remainingKm = last + vehicle.serviceIntervalKm() - odometer.getAsDouble();
		}
		LocalDate dueDate = (vehicle.serviceIntervalMonths() != null && vehicle.lastServiceDate() != null)
				? vehicle.lastServiceDate().plusMonths(vehicle.serviceIntervalMonths()) : null;
		if (remainingKm == null && dueDate == null) {
			return;
		}
		boolean dueByKm = remainingKm != null && remainingKm <= detection.settings().serviceWarnAheadKm();
		boolean dueByDate = dueDate != null
				&& !today.isBefore(dueDate.minusDays(detection.settings().serviceWarnAheadDays()));
		boolean active = detection.alerts().active(AlertType.SERVICE_DUE, null) != null;
		if (!active && (dueByKm || dueByDate)) {
			LocalDate predicted = predict(detection, odometer, remainingKm, dueDate, today);
			Map<String, Object> details = new LinkedHashMap<>();
			if (remainingKm != null) {
				details.put("remainingKm", Math.round(remainingKm * 10) / 10.0);
			}
			if (dueDate != null) {
				details.put("dueDate", dueDate.toString());
			}
			if (predicted != null) {
				details.put("predictedServiceDate", predicted.toString());
			}
			details.put("dueBy", dueByKm ? (dueByDate ? "DISTANCE_AND_TIME" : "DISTANCE") : "TIME");
			details.put("suggestions", suggestions(detection, predicted));
			String when = (predicted != null) ? " (predicted " + predicted + ")" : "";
			detection.alerts()
				.raise(AlertType.SERVICE_DUE, null, detection.ts(), detection.ts(), "Service due" + when, details);
		}
		else if (active && !dueByKm && !dueByDate) {
			detection.alerts().clear(AlertType.SERVICE_DUE, null, detection.ts(), detection.ts(), "Service done", null);
		}
	}

	private static LocalDate predict(Detection detection, OptionalDouble odometer, Double remainingKm,
			LocalDate dueDate, LocalDate today) {
		LocalDate byKm = null;
		DeviceMemory memory = detection.memory();
		if (remainingKm != null) {
			if (remainingKm <= 0) {
				byKm = today;
			}
			else if (memory.firstOdometerTs != null && odometer.isPresent()) {
				double days = Detection.seconds(memory.firstOdometerTs, detection.ts()) / 86_400;
				double driven = odometer.getAsDouble() - memory.firstOdometerKm;
				if (days >= 1 && driven > 0) {
					byKm = today.plusDays((long) Math.ceil(remainingKm / (driven / days)));
				}
			}
		}
		if (byKm == null) {
			return dueDate;
		}
		return (dueDate != null && dueDate.isBefore(byKm)) ? dueDate : byKm;
	}

	private static List<String> suggestions(Detection detection, LocalDate predicted) {
		List<String> suggestions = new ArrayList<>();
		suggestions.add("Change engine oil and oil filter");
		suggestions.add((detection.alerts().isActive(AlertType.LOW_TIRE_PRESSURE))
				? "Inspect tyres: low pressure was reported" : "Check tyre pressure and tread depth");
		suggestions.add((detection.alerts().isActive(AlertType.ENGINE_OVERHEAT))
				? "Check the cooling system: the engine overheated" : "Check coolant level");
		suggestions.add("Check brakes, lights and wipers");
		if (predicted != null) {
			suggestions.add("Book the next service before " + predicted);
		}
		else {
			suggestions.add("Book the next service");
		}
		if (!detection.memory().dtcCodes.isEmpty()) {
			suggestions.add("Read out trouble codes " + String.join(", ", detection.memory().dtcCodes));
		}
		return suggestions;
	}

}
