-- wrk driver for the single-event phase of bench/run.sh: POST /api/v1/telemetry with one event per request.
--
-- Each request takes the next device of WRK_AUTH (one "Basic ..." header value per line, the devices of the run in
-- turn) and a seq unique over the whole run (thread id + per-thread counter on top of the start time in µs), so the
-- duplicate filter drops nothing and every 202 is one new record on the topic. The ts is the current second.
-- The response hook counts answers by status; done() prints the simulator's summary lines, which run.sh parses:
--   elapsed <s> s, sent <n> events, accepted <n> events = <rate> events/s
--   requests by outcome: {202=<n>, ...}
--   latency per request: p50 <ms> ms, p99 <ms> ms, p99.9 <ms> ms, max <ms> ms (<n> requests)
-- wrk runs a closed loop (each connection sends its next request when the answer came), so the latencies are the
-- service's, not an open-loop backlog.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  auth = {}
  for line in io.lines(os.getenv("WRK_AUTH")) do
    if line ~= "" then
      table.insert(auth, line)
    end
  end
  stride = tonumber(os.getenv("WRK_THREADS") or "1")
  base = os.time() * 1000000
  n = 0
  second = -1
  ts = ""
  statuses = {}
end

function request()
  n = n + 1
  local now = os.time()
  if now ~= second then
    second = now
    ts = os.date("!%Y-%m-%dT%H:%M:%SZ", now)
  end
  local k = n % 1000
  local body = string.format('{"ts":"%s","seq":%d,"metrics":{"ignition":true,"lat":%.6f,"lon":%.6f,'
    .. '"speedKph":%.1f,"headingDeg":%.1f,"odometerKm":%.2f,"engineRpm":%d,"coolantTempC":%.1f,'
    .. '"tirePressureKpa":%.1f,"fuelLevelPct":%.1f,"batteryVoltageV":14.1}}',
    ts, base + n * stride + id, 52.5 + k / 10000, 13.4 + k / 10000, k % 130, k % 360, 10000 + k / 100,
    750 + k, 85 + k % 10, 230 + k % 7, 50 + k % 50)
  return wrk.format("POST", "/api/v1/telemetry",
    { ["Authorization"] = auth[(n * stride + id) % #auth + 1], ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  local keys = {}
  for status in pairs(totals) do
    table.insert(keys, status)
  end
  table.sort(keys)
  local outcomes = {}
  for _, status in ipairs(keys) do
    table.insert(outcomes, status .. "=" .. totals[status])
  end
  local errors = summary.errors
  local socket = errors.connect + errors.read + errors.write + errors.timeout
  if socket > 0 then
    table.insert(outcomes, "socket-errors=" .. socket)
  end
  local seconds = summary.duration / 1e6
  local accepted = totals[202] or 0
  io.write(string.format("elapsed %.1f s, sent %d events, accepted %d events = %.0f events/s\n", seconds,
    summary.requests, accepted, accepted / seconds))
  io.write("requests by outcome: {" .. table.concat(outcomes, ", ") .. "}\n")
  io.write(string.format("latency per request: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (%d requests)\n",
    latency:percentile(50) / 1e3, latency:percentile(99) / 1e3, latency:percentile(99.9) / 1e3, latency.max / 1e3,
    summary.requests))
end
