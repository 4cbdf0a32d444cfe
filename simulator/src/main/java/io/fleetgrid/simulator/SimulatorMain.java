package io.fleetgrid.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fleetgrid.simulator.model.DeviceCredential;
import io.fleetgrid.simulator.model.SimulatedDevice;
import io.fleetgrid.simulator.transport.HttpTelemetrySender;
import io.fleetgrid.simulator.transport.MqttTelemetrySender;
import io.fleetgrid.simulator.transport.TelemetrySender;

/**
 * Command line: {@code java -jar simulator.jar --devices devices.csv [options]}; see
 * {@code simulator/README.md}. A plain main, no Spring: it starts in a fraction of a
 * second and spends its CPU on sending, which matters when it is the load generator on
 * the same machine as the system under test.
 */
public final class SimulatorMain {

	private static final Set<String> OPTIONS = Set.of("devices", "device", "transport", "url", "mqtt-url", "qos",
			"rate", "batch", "duration", "seed", "max-in-flight", "center");

	private SimulatorMain() {
	}

	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	public static void main(String[] args) throws IOException {
		PrintStream out = System.out;
		if (args.length == 0 || List.of(args).contains("--help")) {
			out.println(usage());
			return;
		}
		Map<String, List<String>> options;
		try {
			options = parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(usage());
			System.exit(2);
			return;
		}
		List<DeviceCredential> credentials = new ArrayList<>();
		for (String file : options.getOrDefault("devices", List.of())) {
			credentials.addAll(DeviceCredential.read(Path.of(file)));
		}
		for (String device : options.getOrDefault("device", List.of())) {
			credentials.add(DeviceCredential.parse(device, "--device"));
		}
		if (credentials.isEmpty()) {
			System.err.println("no devices: give --devices FILE or --device id,token,type");
			System.exit(2);
		}
		long seed = Long.parseLong(one(options, "seed", "42"));
		String[] center = one(options, "center", "52.5200,13.4050").split(",");
		Instant start = Instant.now();
		List<SimulatedDevice> devices = credentials.stream()
			.map((credential) -> SimulatedDevice.create(credential, seed, start, Double.parseDouble(center[0]),
					Double.parseDouble(center[1])))
			.toList();
		String transport = one(options, "transport", "http");
		int batch = Integer.parseInt(one(options, "batch", "1"));
		OpenLoopRunner.Settings settings = new OpenLoopRunner.Settings(Double.parseDouble(one(options, "rate", "10")),
				batch, Duration.ofSeconds(Long.parseLong(one(options, "duration", "0"))),
				Integer.parseInt(one(options, "max-in-flight", "256")));
		try (TelemetrySender sender = switch (transport) {
			case "http" -> new HttpTelemetrySender(one(options, "url", "http://localhost:8080"));
			case "mqtt" -> new MqttTelemetrySender(one(options, "mqtt-url", "tcp://localhost:1883"),
					Integer.parseInt(one(options, "qos", "1")));
			default -> throw new IllegalArgumentException("--transport is http or mqtt, not " + transport);
		}) {
			out.printf("simulating %d devices over %s at %s events/s in batches of %d (seed %d)%n", devices.size(),
					transport, settings.eventsPerSecond(), batch, seed);
			sender.prepare(credentials);
			OpenLoopRunner.Summary summary = new OpenLoopRunner(devices, sender, settings, out).run();
			summary.print(out);
		}
	}

	static Map<String, List<String>> parse(String[] args) {
		Map<String, List<String>> options = new LinkedHashMap<>();
		int i = 0;
		while (i < args.length) {
			String arg = args[i++];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument '" + arg + "'");
			}
			String name = arg.substring(2);
			String value;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			else if (i < args.length) {
				value = args[i++];
			}
			else {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
			if (!OPTIONS.contains(name)) {
				throw new IllegalArgumentException("unknown option --" + name);
			}
			options.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return options;
	}

	private static String one(Map<String, List<String>> options, String name, String fallback) {
		List<String> values = options.get(name);
		return (values == null || values.isEmpty()) ? fallback : values.get(values.size() - 1);
	}

	private static String usage() {
		return """
				usage: java -jar simulator.jar (--devices FILE | --device id,token,type)... [options]
				  --transport http|mqtt    (default http)
				  --url URL                gateway or ingest-service (default http://localhost:8080)
				  --mqtt-url URL           MQTT broker (default tcp://localhost:1883)
				  --qos 0|1                MQTT QoS (default 1)
				  --rate N                 events per second, all devices together (default 10)
				  --batch N                events per request, 1..500 (default 1)
				  --duration SECONDS       0 = until Ctrl-C (default 0)
				  --max-in-flight N        outstanding requests (default 256)
				  --seed N                 same seed, same devices and routes (default 42)
				  --center LAT,LON         city the vehicles drive in (default Berlin 52.5200,13.4050)
				FILE: one device per line, deviceId,token,type (VEHICLE, INVERTER, BATTERY, METER); # comments""";
	}

}
