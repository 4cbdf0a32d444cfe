package io.fleetgrid.device.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fleetgrid.device.web.CsvImportException;
import io.fleetgrid.device.web.CsvImportException.RowError;
import io.fleetgrid.device.web.FieldError;
import io.fleetgrid.device.web.InvalidInputException;
import io.fleetgrid.device.web.Validator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import and export of devices as CSV ({@link DeviceCsv}). An import is
 * all-or-nothing: every row is validated first (the same rules as
 * {@code POST /api/v1/devices}, plus duplicate ids within the file), and if any row is
 * bad nothing is stored and every bad row is reported; otherwise all devices are created
 * in one transaction, each with its first token.
 */
@Service
public class CsvImport {

	/** Most data rows of one import. */
	static final int MAX_ROWS = 10_000;

	private final DeviceService devices;

	private final DeviceRepository repository;

	CsvImport(DeviceService devices, DeviceRepository repository) {
		this.devices = devices;
		this.repository = repository;
	}

	/**
	 * Imports devices.
	 * @param tenantId the tenant
	 * @param csv the file
	 * @return the created devices and their tokens (shown once)
	 * @throws CsvImportException if any row is invalid (nothing is imported)
	 */
	@Transactional
	public List<IssuedCredential> importCsv(String tenantId, String csv) {
		List<List<String>> records;
		try {
			records = Csv.parse(csv);
		}
		catch (IllegalArgumentException ex) {
			throw new CsvImportException(List.of(new RowError(1, null, ex.getMessage())));
		}
		if (records.isEmpty()) {
			throw new CsvImportException(List.of(new RowError(1, null, "the file is empty; expected a header line")));
		}
		List<String> header = records.get(0).stream().map(String::strip).toList();
		List<RowError> errors = new ArrayList<>();
		for (String column : header) {
			if (!DeviceCsv.COLUMNS.contains(column)) {
				errors.add(new RowError(1, column, "unknown column; known: " + String.join(",", DeviceCsv.COLUMNS)));
			}
		}
		for (String required : List.of("id", "type", "name")) {
			if (!header.contains(required)) {
				errors.add(new RowError(1, required, "required column is missing"));
			}
		}
		if (records.size() - 1 > MAX_ROWS) {
			errors.add(new RowError(1, null, "at most " + MAX_ROWS + " rows, got " + (records.size() - 1)));
		}
		if (!errors.isEmpty()) {
			throw new CsvImportException(errors);
		}
		List<DeviceRequest> requests = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 1; i < records.size(); i++) {
			int line = i + 1;
			List<String> values = records.get(i);
			if (values.size() != header.size()) {
				errors
					.add(new RowError(line, null, "has " + values.size() + " fields, the header has " + header.size()));
				continue;
			}
			Map<String, String> row = new LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) {
				row.put(header.get(c), values.get(c));
			}
			Validator validator = new Validator();
			DeviceRequest request = DeviceCsv.request(row, validator);
			try {
				this.devices.validNew(tenantId, request, validator);
			}
			catch (InvalidInputException ex) {
				for (FieldError error : ex.errors()) {
					errors.add(new RowError(line, error.field(), error.message()));
				}
				continue;
			}
			if (!ids.add(request.id())) {
				errors.add(new RowError(line, "id", "'" + request.id() + "' appears more than once in the file"));
			}
			else if (this.repository.idTaken(request.id())) {
				errors.add(new RowError(line, "id", "'" + request.id() + "' is already taken"));
			}
			requests.add(request);
		}
		if (!errors.isEmpty()) {
			throw new CsvImportException(errors);
		}
		return requests.stream().map((request) -> this.devices.create(tenantId, request)).toList();
	}

	/**
	 * Exports the devices the tenant has, as CSV with every column.
	 * @param tenantId the tenant
	 * @param visibleTo only devices assigned to this user, or null for all
	 * @return the CSV text
	 */
	public String exportCsv(String tenantId, String visibleTo) {
		StringBuilder out = new StringBuilder();
		Csv.write(DeviceCsv.COLUMNS, out);
		for (Device device : this.repository.all(tenantId)) {
			if (visibleTo == null || device.assignedUserIds().contains(visibleTo)) {
				Csv.write(DeviceCsv.row(device), out);
			}
		}
		return out.toString();
	}

}
