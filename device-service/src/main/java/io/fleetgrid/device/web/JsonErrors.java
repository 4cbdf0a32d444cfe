package io.fleetgrid.device.web;

import java.util.stream.Collectors;

import tools.jackson.databind.DatabindException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Readable messages for request bodies that are not valid JSON for the target type,
 * naming the field path where Jackson knows it.
 */
final class JsonErrors {

	private JsonErrors() {
	}

	static String describe(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
				String path = databind.getPath()
					.stream()
					.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
					.collect(Collectors.joining("."))
					.replace(".[", "[");
				return path + ": " + databind.getOriginalMessage();
			}
			if (cause instanceof IllegalArgumentException illegal) {
				return illegal.getMessage();
			}
			cause = cause.getCause();
		}
		return "The request body is not valid JSON for this endpoint";
	}

}
