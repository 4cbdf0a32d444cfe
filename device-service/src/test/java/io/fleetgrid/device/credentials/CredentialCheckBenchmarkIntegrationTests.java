package io.fleetgrid.device.credentials;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.device.registry.DeviceRequest;
import io.fleetgrid.device.registry.DeviceService;
import io.fleetgrid.device.registry.IssuedCredential;
import io.fleetgrid.device.support.DeviceIntegrationTestSupport;
import io.fleetgrid.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput and latency of credential checks as ingest sees them. Not part of the normal
 * build: run with {@code -Dfleetgrid.benchmark=true} (command and figures in
 * BENCHMARKS.md).
 * <ul>
 * <li>uncached: ingest's cache miss, {@code POST /internal/v1/credentials/verify} over
 * HTTP with a service token (JWT check, one indexed PostgreSQL read, one HMAC);</li>
 * <li>cached: ingest's cache hit, a map lookup and a constant-time HMAC comparison in
 * process.</li>
 * </ul>
 */
@EnabledIfSystemProperty(named = "fleetgrid.benchmark", matches = "true")
class CredentialCheckBenchmarkIntegrationTests extends DeviceIntegrationTestSupport {

	private static final Logger LOGGER = LoggerFactory.getLogger(CredentialCheckBenchmarkIntegrationTests.class);

	private static final int DEVICES = 1_000;

	private static final int THREADS = 8;

	private static final Duration WARM_UP = Duration.ofSeconds(5);

	private static final Duration MEASURE = Duration.ofSeconds(15);

	private final DeviceService devices;

	private final TokenHasher hasher;

	private final int port;

	CredentialCheckBenchmarkIntegrationTests(@Autowired ApplicationContext context) {
		super(context);
		this.devices = context.getBean(DeviceService.class);
		this.hasher = context.getBean(TokenHasher.class);
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	@Test
	void measuresCredentialChecks() throws Exception {
		String tenant = unique("bench");
		List<IssuedCredential> issued = new ArrayList<>();
		for (int i = 0; i < DEVICES; i++) {
			issued.add(this.devices.create(tenant, new DeviceRequest(unique("bench"), DeviceType.VEHICLE, "Bench", null,
					null, null, null, null, null)));
		}
		String[] bodies = issued.stream()
			.map((credential) -> "{\"deviceId\":\"" + credential.device().id() + "\",\"token\":\"" + credential.token()
					+ "\"}")
			.toArray(String[]::new);
		String service = TestTokens.service();
		HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(THREADS)).build();
		URI uri = URI.create("http://localhost:" + this.port + "/internal/v1/credentials/verify");

		Result uncached = run(() -> {
			HttpRequest request = HttpRequest.newBuilder(uri)
				.header("Authorization", service)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(bodies[ThreadLocalRandom.current().nextInt(bodies.length)]))
				.build();
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("verify answered " + response.statusCode());
			}
		});

		Map<String, byte[]> cache = new ConcurrentHashMap<>();
		String[] ids = new String[DEVICES];
		String[] tokens = new String[DEVICES];
		for (int i = 0; i < DEVICES; i++) {
			ids[i] = issued.get(i).device().id();
			tokens[i] = issued.get(i).token();
			cache.put(ids[i], this.hasher.hash(ids[i], tokens[i]));
		}
		Result cached = run(() -> {
			int i = ThreadLocalRandom.current().nextInt(DEVICES);
			if (!this.hasher.matches(ids[i], tokens[i], cache.get(ids[i]))) {
				throw new IllegalStateException("cached check failed");
			}
		});

		LOGGER.info("BENCHMARK credential checks, {} threads, {} s: uncached (HTTP verify) {}; cached (in process) {}",
				THREADS, MEASURE.toSeconds(), uncached, cached);
		assertThat(uncached.count()).isPositive();
		assertThat(cached.count()).isPositive();
	}

	private Result run(Check check) throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
			long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
			long end = warmUpEnd + MEASURE.toNanos();
			List<Future<long[]>> futures = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				futures.add(pool.submit(() -> {
					long[] latencies = new long[1 << 16];
					int n = 0;
					while (true) {
						long start = System.nanoTime();
						if (start >= end) {
							break;
						}
						check.run();
						if (start >= warmUpEnd) {
							if (n == latencies.length) {
								latencies = Arrays.copyOf(latencies, n * 2);
							}
							latencies[n++] = System.nanoTime() - start;
						}
					}
					return Arrays.copyOf(latencies, n);
				}));
			}
			List<long[]> all = new ArrayList<>();
			for (Future<long[]> future : futures) {
				all.add(future.get());
			}
			long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			return new Result(merged.length, merged.length / (double) MEASURE.toSeconds(),
					merged[merged.length / 2] / 1000.0, merged[(int) (merged.length * 0.99)] / 1000.0);
		}
	}

	@FunctionalInterface
	private interface Check {

		void run() throws Exception;

	}

	private record Result(long count, double perSecond, double p50Micros, double p99Micros) {

		@Override
		public String toString() {
			return String.format("%.0f checks/s, p50 %.1f µs, p99 %.1f µs (%d checks)", this.perSecond, this.p50Micros,
					this.p99Micros, this.count);
		}

	}

}
