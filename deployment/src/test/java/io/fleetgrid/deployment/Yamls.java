package io.fleetgrid.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML loading and navigation of plain maps and lists. */
final class Yamls {

	private Yamls() {
	}

	/**
	 * Every non-empty document of a multi-document YAML text, as maps.
	 * @param text the YAML
	 * @return the documents
	 */
	static List<Map<String, Object>> documents(String text) {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : yaml.loadAll(text)) {
			if (document != null) {
				documents.add(map(document));
			}
		}
		return documents;
	}

	static Map<String, Object> document(String text) {
		List<Map<String, Object>> documents = documents(text);
		if (documents.size() != 1) {
			throw new IllegalArgumentException("expected one YAML document, got " + documents.size());
		}
		return documents.get(0);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		if (value instanceof Map<?, ?>) {
			return (Map<String, Object>) value;
		}
		return Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		if (value instanceof List<?>) {
			return (List<Object>) value;
		}
		return List.of();
	}

	/**
	 * The value at a dotted path of map keys ({@code spec.template.spec}), or null.
	 * @param root the root map
	 * @param path dot-separated keys
	 * @return the value or null
	 */
	static Object at(Map<String, Object> root, String path) {
		Object current = root;
		for (String key : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	static Map<String, Object> mapAt(Map<String, Object> root, String path) {
		return map(at(root, path));
	}

	static List<Object> listAt(Map<String, Object> root, String path) {
		return list(at(root, path));
	}

	static String string(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
