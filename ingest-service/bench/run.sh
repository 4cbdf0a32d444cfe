#!/usr/bin/env bash
# ingest-service benchmark: one command, one side-by-side table (see ingest-service/README.md "Benchmark").
#
#   ingest-service/bench/run.sh            # build, JMH, then Kafka + Moquette + ProducerPerformance + ingest variants
#   ingest-service/bench/run.sh jmh        # only the JMH benchmark (parse + validate per event)
#
# On one host it starts the local stack's real Kafka broker and Moquette (io.fleetgrid.localstack.ServerMain, as
# infra-testkit and ./fleetgrid start do), runs Kafka's own org.apache.kafka.tools.ProducerPerformance against the
# telemetry topic as the ceiling, then for each ingest variant starts ingest-service from its jar and drives it with the
# simulator as open-loop load generator: 500-event batches over HTTP, single-event POSTs over HTTP, MQTT QoS 1 through
# each broker of MQTT_BROKERS (Moquette, the local stack's broker, and Mosquitto, a production broker). Each phase is
# warmed up once, then measured. Ingest's CPU (utime + stime from /proc) and peak RSS are sampled per phase.
# HTTP events/s is what the 202s acknowledged; the topic's end offsets must then hold at least that many (nothing
# acknowledged is lost; the script says so if not). MQTT events/s is the topic's growth while the broker holds a
# backlog for ingest's session (the device's PUBACK comes from the broker, not from ingest). Each variant has its own
# persistent session, so Moquette goes on queueing for the sessions of earlier variants: MQTT figures of later
# variants carry that extra broker work (compare MQTT across variants with one variant per run).
#
# MQTT brokers: ingest subscribes to one broker at a time, so each variant starts ingest once per broker (HTTP phases
# run with the first). "moquette": the local stack's Moquette (device login and ACL through ingest's hooks), one
# session on devices/+/telemetry, as the local stack runs it. "mosquitto": Mosquitto 2 (the `mosquitto` binary on the
# PATH, e.g. Debian's package) started here with a generated configuration: device logins from a password file made
# with mosquitto_passwd, `pattern write devices/%u/telemetry` as ACL (the rule ingest's ACL hook applies for EMQX),
# max_inflight_messages MOSQUITTO_INFLIGHT per subscriber session, no limit on a persistent session's queue, and ingest
# subscribing with MQTT_SUBSCRIBERS sessions on the shared subscription $share/ingest/devices/+/telemetry.
#
# Device credentials: answered by a stand-in for device-service's credential check (BenchDeviceService, the
# documented contract), called once per device during the warm-up; the measured phases run on ingest's cache of
# verified credentials, which is what a running system sees (the table's last line shows the stand-in's call count
# did not grow while measuring). A real device-service would only add its own start-up (PostgreSQL, auth-service).
#
# Environment (defaults in brackets):
#   DURATION [30] seconds per measured phase, WARMUP [10] seconds per warm-up phase, DEVICES [200]
#   VARIANTS ["virtual platform"]: names from variant_args below, run one after the other on the same broker
#   RATE_BATCH [400000], RATE_SINGLE [100000], RATE_MQTT [20000]: open-loop targets in events/s (above capacity:
#     the phase measures capacity; lower them to the targets to read latency at a given rate)
#   RATE_MQTT_MOSQUITTO [60000]: the same for the Mosquitto phase
#   MQTT_BROKERS ["moquette mosquitto"]; MQTT_SUBSCRIBERS [4] ingest's sessions on Mosquitto; MOSQUITTO_INFLIGHT [1000]
#   MQTT_BACKLOG [8]: seconds; after the measured Mosquitto phase, ingest is paused (SIGSTOP) while the simulator
#     publishes for this long (at RATE_MQTT_MOSQUITTO, or as fast as it can; the pause also covers the simulator's
#     start and must stay under 1.5 x ingest's 30 s keep-alive, else the broker drops the sessions), then resumed; the "backlog" row is the rate at which ingest drains the queued messages onto the
#     topic, without the load generator competing for the CPU (its log line gives the count). Empty: no backlog phase.
#   MQTT_DRAIN [90]: at most this many seconds after an MQTT phase for ingest to drain the broker's backlog
#   INFLIGHT_BATCH [16], INFLIGHT_SINGLE [256] (= keep-alive connections), INFLIGHT_MQTT [256]
#   SINGLE_DRIVER [wrk]: the single-event POST load generator: wrk (Debian's package, installed with apt-get if missing;
#     closed loop on INFLIGHT_SINGLE connections, WRK_THREADS [1] threads, script bench/single-post.lua: one event per
#     request, devices in turn, a seq unique over the run, 202s counted) or simulator (the Java HttpClient simulator,
#     open loop at RATE_SINGLE; costs the shared CPU several times what wrk does)
#   PP_RECORDS [3000000] records for ProducerPerformance; INGEST_JAVA_OPTS ["-Xmx512m -XX:+UseG1GC"]
#   SKIP_MQTT=1 leaves out the MQTT phases, SKIP_HTTP=1 the HTTP phases; PROFILE=1 records a JFR file per variant (settings=profile) into the work directory; SKIP_BUILD=1; SKIP_JMH=1
#   WORK [ingest-service/target/bench]; ports KAFKA_PORT [29092], MQTT_PORT [21883], MOSQUITTO_PORT [21884],
#   INGEST_PORT [28082], DEVSVC_PORT [28081]
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
MODE=${1:-all}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-10}
DEVICES=${DEVICES:-200}
VARIANTS=${VARIANTS:-"virtual platform"}
RATE_BATCH=${RATE_BATCH:-400000}
RATE_SINGLE=${RATE_SINGLE:-100000}
RATE_MQTT=${RATE_MQTT:-20000}
RATE_MQTT_MOSQUITTO=${RATE_MQTT_MOSQUITTO:-60000}
MQTT_BROKERS=${MQTT_BROKERS:-"moquette mosquitto"}
[[ -n "${SKIP_MQTT:-}" ]] && MQTT_BROKERS=""
MQTT_SUBSCRIBERS=${MQTT_SUBSCRIBERS:-4}
MOSQUITTO_INFLIGHT=${MOSQUITTO_INFLIGHT:-1000}
MQTT_BACKLOG=${MQTT_BACKLOG-8}
INFLIGHT_BATCH=${INFLIGHT_BATCH:-16}
INFLIGHT_SINGLE=${INFLIGHT_SINGLE:-256}
INFLIGHT_MQTT=${INFLIGHT_MQTT:-256}
PP_RECORDS=${PP_RECORDS:-3000000}
MQTT_DRAIN=${MQTT_DRAIN:-90}
INGEST_JAVA_OPTS=${INGEST_JAVA_OPTS:-"-Xmx512m -XX:+UseG1GC"}
KAFKA_PORT=${KAFKA_PORT:-29092}
MQTT_PORT=${MQTT_PORT:-21883}
MOSQUITTO_PORT=${MOSQUITTO_PORT:-21884}
INGEST_PORT=${INGEST_PORT:-28082}
DEVSVC_PORT=${DEVSVC_PORT:-28081}
WORK=${WORK:-$ROOT/ingest-service/target/bench}
TOPIC=fleetgrid.telemetry.v1
TICK=$(getconf CLK_TCK)
SINGLE_DRIVER=${SINGLE_DRIVER:-wrk}
WRK_THREADS=${WRK_THREADS:-1}

# Each variant: extra arguments for ingest-service (Spring properties). Add a line to compare another change.
# "baseline" runs the jar named by BASELINE_JAR (an earlier build) with the defaults, to compare a code change.
variant_args() {
  case "$1" in
    virtual | baseline) echo "--spring.threads.virtual.enabled=true" ;;
    mvc) echo "--spring.threads.virtual.enabled=true --fleetgrid.ingest.http.direct=false" ;;
    platform) echo "--spring.threads.virtual.enabled=false --server.tomcat.threads.max=200" ;;
    notrace) echo "--spring.threads.virtual.enabled=true --management.tracing.sampling.probability=0" ;;
    linger0) echo "--spring.threads.virtual.enabled=true --spring.kafka.producer.properties.linger.ms=0" ;;
    linger20) echo "--spring.threads.virtual.enabled=true --spring.kafka.producer.properties.linger.ms=20" ;;
    keepalive) echo "--spring.threads.virtual.enabled=true --server.tomcat.max-keep-alive-requests=10000" ;;
    zstd | snappy | gzip | none) echo "--spring.threads.virtual.enabled=true --spring.kafka.producer.compression-type=$1" ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
  esac
}
variant_jar() {
  if [[ "$1" == baseline ]]; then echo "${BASELINE_JAR:?BASELINE_JAR names the jar of the baseline variant}"
  else echo "$WORK/jars/ingest-service-0.1.0-SNAPSHOT.jar"; fi
}

PIDS=()
calls_before=0
calls_after=0
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; kill -CONT "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap "exit 130" INT TERM
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "building ingest-service, simulator, local-stack (tests skipped, benchmark sources included)"
  ./fleetgrid mvn -o -q -pl ingest-service,simulator,local-stack -am package dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test -DskipTests -Pbenchmarks
fi
apt_install() { # Debian packages the benchmark needs
  if [[ $(id -u) == 0 ]]; then apt-get install -y -q "$@" > /dev/null; else sudo apt-get install -y -q "$@" > /dev/null; fi
}
if [[ "$SINGLE_DRIVER" == wrk ]] && ! command -v wrk > /dev/null; then
  log "installing wrk (the single-event POST load generator)"
  apt_install wrk
fi
if [[ " $MQTT_BROKERS " == *" mosquitto "* ]] && ! command -v mosquitto > /dev/null; then
  log "installing mosquitto (the second MQTT broker)"
  apt_install mosquitto
fi
JAVA=${JAVA:-$(./fleetgrid java-home 2>/dev/null || true)/bin/java}
[[ -x "$JAVA" ]] || JAVA=java
# Snapshot what is measured, so a build during the run cannot change it.
mkdir -p "$WORK/jars"
rm -rf "$WORK/jars/bench-classes"
cp ingest-service/target/ingest-service-0.1.0-SNAPSHOT.jar simulator/target/simulator-0.1.0-SNAPSHOT.jar "$WORK/jars/"
cp -r ingest-service/target/test-classes "$WORK/jars/bench-classes"
BENCH_CP="$WORK/jars/bench-classes:$(cat ingest-service/target/bench.classpath)"
STACK_CP="$ROOT/local-stack/target/classes:$(cat local-stack/target/classes/META-INF/fleetgrid/local-stack.classpath)"
QUIET="-Dlogback.configurationFile=$ROOT/ingest-service/bench/logback-quiet.xml"
mkdir -p "$WORK"
RESULTS="$WORK/results.tsv"

if [[ -z "${SKIP_JMH:-}" ]]; then
  log "JMH: parse + validate per event (ParseValidateBenchmark)"
  "$JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main ParseValidateBenchmark -rff "$WORK/jmh.csv" -rf csv \
    > "$WORK/jmh.log" 2>&1
  grep -E '^(Benchmark|ParseValidate)' "$WORK/jmh.log" >&2 || tail -20 "$WORK/jmh.log" >&2
fi
[[ "$MODE" == jmh ]] && exit 0

rm -rf "$WORK/kafka" "$WORK/mqtt" "$WORK/mosquitto" "$WORK"/sim-*.log "$WORK"/rss.* "$RESULTS"
printf 'variant\tphase\tingest events/s\tsimulator accepted/s\toutcomes\tp50 ms\tp99 ms\tingest CPU cores\tCPU us/event\tpeak RSS MiB\n' > "$RESULTS"

# Servers --------------------------------------------------------------------------------------------------------
start_server() { # kind port dir options... ; waits for the ready line
  local kind=$1 port=$2 dir=$3; shift 3
  "$JAVA" -Xmx768m --sun-misc-unsafe-memory-access=allow -cp "$STACK_CP" io.fleetgrid.localstack.ServerMain "$kind" "$port" "$dir" "$@" \
    > "$WORK/$kind.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    grep -q FLEETGRID-READY "$WORK/$kind.log" && { log "$kind ready on $port"; return; }
    kill -0 "${PIDS[-1]}" 2>/dev/null || break
    sleep 1
  done
  log "$kind did not start; see $WORK/$kind.log"; exit 1
}

log "writing $DEVICES device credentials"
{
  echo "# deviceId,token,type"
  for i in $(seq -f '%04g' 1 "$DEVICES"); do
    if (( 10#$i % 10 == 0 )); then echo "bench-$i,token-bench-$i,INVERTER"; else echo "bench-$i,token-bench-$i,VEHICLE"; fi
  done
} > "$WORK/devices.csv"
# wrk's Authorization headers, one device per line
python3 - "$WORK/devices.csv" "$WORK/wrk-auth.txt" <<'PY'
import base64, sys
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
    for line in f:
        if line.strip() and not line.startswith("#"):
            device, token = line.strip().split(",")[:2]
            out.write("Basic " + base64.b64encode(f"{device}:{token}".encode()).decode() + "\n")
PY

start_server kafka "$KAFKA_PORT" "$WORK/kafka"
start_server mqtt "$MQTT_PORT" "$WORK/mqtt" "authUrl=http://127.0.0.1:$INGEST_PORT/internal/mqtt/auth" \
  "aclUrl=http://127.0.0.1:$INGEST_PORT/internal/mqtt/acl" hookTimeoutMillis=5000
MQTT_SERVER_PID=${PIDS[-1]} # Moquette
"$JAVA" -Xmx64m $QUIET -cp "$BENCH_CP" io.fleetgrid.ingest.bench.BenchDeviceService "$DEVSVC_PORT" "$WORK/devices.csv" \
  > "$WORK/devsvc.log" 2>&1 &
PIDS+=($!)

INGEST_MQTT_PASSWORD=bench-secret
if [[ " $MQTT_BROKERS " == *" mosquitto "* ]]; then
  command -v mosquitto > /dev/null && command -v mosquitto_passwd > /dev/null \
    || { log "mosquitto and mosquitto_passwd are not on the PATH (Debian: apt-get install mosquitto)"; exit 1; }
  mkdir -p "$WORK/mosquitto"
  { echo "fleetgrid-ingest:$INGEST_MQTT_PASSWORD"; grep -v '^#' "$WORK/devices.csv" | cut -d, -f1,2 | tr ',' ':'; } \
    > "$WORK/mosquitto/passwd"
  mosquitto_passwd -U "$WORK/mosquitto/passwd" # hashes the passwords in place
  cat > "$WORK/mosquitto/acl" <<ACL
# ingest's identity reads the telemetry topics (directly or through the shared subscription)
user fleetgrid-ingest
topic read devices/+/telemetry
topic read \$share/ingest/devices/+/telemetry

# every device may only publish to its own telemetry topic (%u = its user name = device id)
pattern write devices/%u/telemetry
ACL
  cat > "$WORK/mosquitto/mosquitto.conf" <<CONF
$( [[ $(id -u) == 0 ]] && echo "user root" )
listener $MOSQUITTO_PORT 127.0.0.1
allow_anonymous false
password_file $WORK/mosquitto/passwd
acl_file $WORK/mosquitto/acl
# A subscriber session may have this many QoS 1 messages unacknowledged (ingest acknowledges after Kafka did).
max_inflight_messages $MOSQUITTO_INFLIGHT
# A persistent session's queue beyond the in-flight window is not capped (the default, 1000, would drop the rest
# of a backlog once the device has its PUBACK).
max_queued_messages 0
max_queued_bytes 0
persistence true
persistence_location $WORK/mosquitto/
autosave_interval 30
log_dest file $WORK/mosquitto.log
log_type error
log_type warning
log_type notice
CONF
  rm -f "$WORK/mosquitto.log"
  mosquitto -c "$WORK/mosquitto/mosquitto.conf" > "$WORK/mosquitto.out" 2>&1 &
  PIDS+=($!)
  MOSQUITTO_PID=$!
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$MOSQUITTO_PORT") 2>/dev/null && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || { log "mosquitto did not start; see $WORK/mosquitto.out"; exit 1; }
    sleep 0.2
  done
  log "mosquitto $(mosquitto -h 2>&1 | sed -n '1s/.*version //p' || true) ready on $MOSQUITTO_PORT (max_inflight_messages $MOSQUITTO_INFLIGHT)"
fi

# The topic's record count, polled every 250 ms by one JVM; offsets() reads the newest line.
"$JAVA" -Xmx64m -XX:TieredStopAtLevel=1 $QUIET -cp "$BENCH_CP" io.fleetgrid.ingest.bench.TopicEndOffsets \
  "localhost:$KAFKA_PORT" "$TOPIC" 250 < /dev/null > "$WORK/offsets.log" 2>/dev/null &
PIDS+=($!)
offsets() { sleep 0.3; tail -n 2 "$WORK/offsets.log" | awk '/^[0-9]+ [0-9]+$/ {n = $2} END {print n + 0}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_sampler() { # pid file: peak VmRSS in KiB, every 0.5 s
  local peak=0 rss
  while kill -0 "$1" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0)
    (( rss > peak )) && { peak=$rss; echo "$peak" > "$2"; }
    sleep 0.5
  done
}

# Ceiling: Kafka's own producer, same broker, same topic, same producer settings as ingest -------------------------
log "ProducerPerformance: $PP_RECORDS records of ~300 B simulator-like JSON, acks=all, idempotent, lz4"
python3 - "$WORK/payloads.txt" <<'PY'
import random, sys
random.seed(42)
with open(sys.argv[1], "w") as f:
    for i in range(20000):
        f.write('{"deviceId":"bench-%04d","tenantId":"bench-tenant","deviceType":"VEHICLE","ts":"2026-11-24T01:%02d:%02d.%03dZ",'
                '"receivedAt":"2026-11-24T01:%02d:%02d.%03dZ","seq":%d,"metrics":{"ignition":true,"lat":%.6f,"lon":%.6f,'
                '"speedKph":%.1f,"headingDeg":%.1f,"coolantTempC":%.1f,"fuelLevelPct":%.1f,"odometerKm":%.3f}}\n' % (
                i % 200, i % 60, i % 60, i % 1000, i % 60, i % 60, (i + 3) % 1000, i, 52.52 + random.random() / 10,
                13.4 + random.random() / 10, random.random() * 120, random.random() * 360, 80 + random.random() * 10,
                random.random() * 100, 10000 + random.random() * 1000))
PY
"$JAVA" -Xmx512m $QUIET -cp "$BENCH_CP:$STACK_CP" org.apache.kafka.tools.ProducerPerformance --topic "$TOPIC" \
  --num-records "$PP_RECORDS" --throughput -1 --payload-file "$WORK/payloads.txt" \
  --producer-props "bootstrap.servers=localhost:$KAFKA_PORT" acks=all enable.idempotence=true compression.type=lz4 \
  linger.ms=5 batch.size=262144 max.in.flight.requests.per.connection=5 > "$WORK/pp.log" 2>&1 &
pp=$!
PIDS+=($pp)
echo 0 > "$WORK/rss.pp"
rss_sampler "$pp" "$WORK/rss.pp" &
pp_cpu=0
while kill -0 "$pp" 2>/dev/null; do pp_cpu=$(cpu_ticks "$pp" 2>/dev/null || echo "$pp_cpu"); sleep 0.2; done
wait "$pp" || true
pp_line=$(grep 'records sent' "$WORK/pp.log" | tail -1)
pp_rate=$(sed -E 's/.* ([0-9.]+) records\/sec.*/\1/' <<< "$pp_line")
log "ProducerPerformance: $pp_line"
printf 'kafka-tool\tProducerPerformance (ceiling)\t%.0f\t-\t-\t%s\t%s\t-\t%.2f\t%d\n' "$pp_rate" \
  "$(sed -E 's/.*, ([0-9.]+) ms 50th.*/\1/' <<< "$pp_line")" "$(sed -E 's/.*, ([0-9.]+) ms 99th.*/\1/' <<< "$pp_line")" \
  "$(awk -v c="$pp_cpu" -v t="$TICK" -v n="$PP_RECORDS" 'BEGIN {print c / t / n * 1e6}')" \
  "$(( $(cat "$WORK/rss.pp") / 1024 ))" >> "$RESULTS"

# Ingest variants -------------------------------------------------------------------------------------------------
simulate() { # label args...
  local label=$1; shift
  "$JAVA" -Xmx512m -XX:+UseParallelGC -jar "$WORK/jars/simulator-0.1.0-SNAPSHOT.jar" --devices "$WORK/devices.csv" \
    --seed 7 "$@" > "$WORK/sim-$label.log" 2>&1 &
  local pid=$! ticks=0
  while kill -0 "$pid" 2>/dev/null; do ticks=$(cpu_ticks "$pid" 2>/dev/null || echo "$ticks"); sleep 0.2; done
  echo "$ticks" > "$WORK/simcpu.$label" # the load generator's CPU, for the log (it shares the machine)
  wait "$pid"
}

# The single-event POST phase with wrk: prints the simulator's summary lines (bench/single-post.lua), takes the
# simulator's --duration and --max-in-flight (connections).
drive_wrk() { # label simulator-args...
  local label=$1 duration=10 connections=$INFLIGHT_SINGLE url=""; shift
  while (( $# > 0 )); do
    case "$1" in
      --duration) duration=$2; shift ;;
      --max-in-flight) connections=$2; shift ;;
      --url) url=$2; shift ;;
    esac
    shift
  done
  WRK_AUTH="$WORK/wrk-auth.txt" WRK_THREADS=$WRK_THREADS wrk -t "$WRK_THREADS" -c "$connections" -d "${duration}s" \
    --timeout 15s -s "$ROOT/ingest-service/bench/single-post.lua" "$url/api/v1/telemetry" > "$WORK/sim-$label.log" 2>&1
}

phase() { # variant name measured(0/1) simulator args...
  local variant=$1 name=$2 measured=$3; shift 3
  local ingest=$INGEST_PID label="$variant-$name-$measured"
  local before cpu0 t0 after cpu1 t1 sampler
  before=$(offsets); cpu0=$(cpu_ticks "$ingest"); t0=$(date +%s.%N)
  local broker_pid=${MQTT_SERVER_PID:-}
  [[ "$name" == *mosquitto* ]] && broker_pid=${MOSQUITTO_PID:-}
  local broker0=0
  [[ -n "$broker_pid" ]] && broker0=$(cpu_ticks "$broker_pid")
  echo 0 > "$WORK/rss.$label"
  rss_sampler "$ingest" "$WORK/rss.$label" & sampler=$!
  [[ "$name" == *backlog* ]] && kill -STOP "$ingest" # the broker queues everything for ingest's sessions meanwhile
  local gen0 gen1 # the load generator's CPU: ticks of the children this shell waited for
  gen0=$(awk '{print $16 + $17}' "/proc/$$/stat")
  if [[ "$name" == "http single" && "$SINGLE_DRIVER" == wrk ]]; then drive_wrk "$label" "$@"; else simulate "$label" "$@"; fi
  gen1=$(awk '{print $16 + $17}' "/proc/$$/stat")
  local accepted_events want
  accepted_events=$(sed -nE 's/.*accepted ([0-9]+) events =.*/\1/p' "$WORK/sim-$label.log" | head -1)
  want=$((before + ${accepted_events:-0}))
  if [[ "$name" == *backlog* ]]; then
    # Ingest was paused while the simulator published: now only ingest (with the broker and Kafka) works, and the
    # rate is the topic's growth until the backlog is on it, i.e. ingest's capacity, whatever the load generator's.
    before=$(offsets); cpu0=$(cpu_ticks "$ingest"); broker0=$(cpu_ticks "$broker_pid"); t0=$(date +%s.%N)
    echo 0 > "$WORK/simcpu.$label"
    kill -CONT "$ingest"
    for _ in $(seq 1 $((MQTT_DRAIN * 5))); do
      after=$(offsets)
      (( after >= want )) && break
    done
    cpu1=$(cpu_ticks "$ingest"); t1=$(date +%s.%N)
    (( after >= want )) || log "$variant $name: $((want - after)) PUBACKed messages not yet on the topic after ${MQTT_DRAIN}s"
  elif [[ "$name" == mqtt* ]]; then
    # The device's PUBACK comes from the broker, so ingest's rate is the topic's growth while the broker holds a
    # backlog for ingest's session: measured up to 5 s after the simulator stopped.
    sleep 5
    after=$(offsets); cpu1=$(cpu_ticks "$ingest"); t1=$(date +%s.%N)
    # The window is the simulator's run (it connects its devices before its clock starts) plus those 5 s.
    local elapsed
    elapsed=$(sed -nE 's/^elapsed ([0-9.]+) s.*/\1/p' "$WORK/sim-$label.log")
    [[ -n "$elapsed" ]] && t0=$(awk -v b="$t1" -v e="$elapsed" 'BEGIN {printf "%.3f", b - e - 5}')
    local last=-1 now stable=0
    for _ in $(seq 1 "$MQTT_DRAIN"); do # then let ingest drain the rest (or give up after MQTT_DRAIN s)
      now=$(offsets)
      (( now >= want )) && break
      if [[ "$now" == "$last" ]]; then stable=$((stable + 1)); else stable=0; last=$now; fi
      (( stable >= 15 )) && break
      sleep 0.7
    done
    log "$variant $name: $(( want - $(offsets) )) PUBACKed messages not yet on the topic after the drain"
  else
    cpu1=$(cpu_ticks "$ingest"); t1=$(date +%s.%N)
    # Every 202 was acknowledged by Kafka before it was sent: the topic must hold them all.
    for _ in $(seq 1 40); do after=$(offsets); (( after >= want )) && break; done
    (( after >= want )) || log "$variant $name: only $((after - before)) of $accepted_events accepted events on the topic!"
  fi
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  local summary accepted outcomes p50 p99
  summary=$(grep -E '^elapsed' "$WORK/sim-$label.log" || echo "elapsed ? s, accepted ? events = 0 events/s")
  accepted=$(sed -E 's/.* = ([0-9]+) events\/s.*/\1/' <<< "$summary")
  outcomes=$(grep -E '^requests by outcome' "$WORK/sim-$label.log" | sed -E 's/requests by outcome: //' | tr -d ' ')
  p50=$(grep -E '^latency' "$WORK/sim-$label.log" | sed -E 's/.*p50 ([0-9.]+) ms.*/\1/')
  p99=$(grep -E '^latency' "$WORK/sim-$label.log" | sed -E 's/.*p99 ([0-9.]+) ms.*/\1/')
  local events=$((after - before))
  local wall rate cores per
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
  rate=$(awk -v e="$events" -v w="$wall" 'BEGIN {printf "%.0f", e / w}')
  if [[ "$name" != mqtt* ]]; then # what the 202s acknowledged, over the simulator's run (leftover MQTT redeliveries
    rate=$accepted; events=${accepted_events:-0} # of a previous variant could also be on the topic meanwhile)
  fi
  cores=$(awk -v c="$((cpu1 - cpu0))" -v t="$TICK" -v w="$wall" 'BEGIN {printf "%.2f", c / t / w}')
  per=$(awk -v c="$((cpu1 - cpu0))" -v t="$TICK" -v e="$events" 'BEGIN {printf "%.2f", (e > 0) ? c / t / e * 1e6 : 0}')
  local others=""
  if [[ "$name" == mqtt* && -n "$broker_pid" ]]; then # CPU of the broker and the load generator, for the log
    others=$(awk -v b="$(( $(cpu_ticks "$broker_pid") - broker0 ))" -v s="$(cat "$WORK/simcpu.$label")" -v t="$TICK" \
      -v w="$wall" 'BEGIN {printf "; CPU cores: ingest %s, broker %.2f, simulator %.2f", "'"$cores"'", b / t / w, s / t / w}')
  fi
  log "$variant $name (measured=$measured): $events events on the topic in ${wall}s = $rate/s; simulator: $summary $outcomes$others"
  log "$variant $name (measured=$measured): load generator CPU $(awk -v c="$((gen1 - gen0))" -v t="$TICK" -v e="$events" \
    'BEGIN {printf "%.2f s = %.1f us per event", c / t, (e > 0) ? c / t / e * 1e6 : 0}')"
  if [[ "$measured" == 1 ]]; then
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n' "$variant" "$name" "$rate" "$accepted" "$outcomes" "$p50" "$p99" \
      "$cores" "$per" "$(( $(cat "$WORK/rss.$label") / 1024 ))" >> "$RESULTS"
  fi
}

# Each variant starts ingest once per MQTT broker (the HTTP phases run with the first), or once for HTTP alone.
runs=$(echo $MQTT_BROKERS)
[[ -z "$runs" ]] && runs=none
for variant in $VARIANTS; do
  first=1
  for broker in $runs; do
    http=0
    [[ $first == 1 && -z "${SKIP_HTTP:-}" ]] && http=1
    first=0
    [[ $http == 0 && $broker == none ]] && continue
    # Each variant has its own persistent MQTT session(s): a backlog left by one is not redelivered to the next.
    mqtt_args=(--fleetgrid.mqtt.password="$INGEST_MQTT_PASSWORD" --fleetgrid.mqtt.client-id="fleetgrid-ingest-bench-$variant")
    case "$broker" in
      moquette | none) sessions=1; mqtt_url="tcp://127.0.0.1:$MQTT_PORT"; mqtt_rate=$RATE_MQTT
        mqtt_name="mqtt qos1 moquette" ;;
      mosquitto) sessions=$MQTT_SUBSCRIBERS; mqtt_url="tcp://127.0.0.1:$MOSQUITTO_PORT"; mqtt_rate=$RATE_MQTT_MOSQUITTO
        mqtt_name="mqtt qos1 mosquitto ($sessions sessions)"
        mqtt_args+=(--fleetgrid.mqtt.subscribers="$sessions" '--fleetgrid.mqtt.topic-filter=$share/ingest/devices/+/telemetry') ;;
      *) log "unknown MQTT broker $broker (moquette, mosquitto)"; exit 2 ;;
    esac
    jfr=""
    [[ -n "${PROFILE:-}" ]] && jfr="-XX:StartFlightRecording=filename=$WORK/$variant-$broker.jfr,settings=profile"
    ingest_log="$WORK/ingest-$variant-$broker.log"
    log "ingest-service variant '$variant' on $broker: $(variant_args "$variant") ${mqtt_args[*]:2}"
    rm -f "$ingest_log"
    # shellcheck disable=SC2086
    "$JAVA" $INGEST_JAVA_OPTS $jfr -jar "$(variant_jar "$variant")" \
      --spring.profiles.active=test --server.port="$INGEST_PORT" \
      --spring.kafka.bootstrap-servers="localhost:$KAFKA_PORT" \
      --fleetgrid.ingest.device-auth.url="http://127.0.0.1:$DEVSVC_PORT" \
      --fleetgrid.ingest.telemetry.device-rate=1000000000 --fleetgrid.ingest.telemetry.device-burst=1000000000 \
      --fleetgrid.ingest.telemetry.tenant-rate=1000000000 --fleetgrid.ingest.telemetry.tenant-burst=1000000000 \
      --fleetgrid.mqtt.url="$mqtt_url" "${mqtt_args[@]}" \
      $(variant_args "$variant") > "$ingest_log" 2>&1 &
    INGEST_PID=$!
    PIDS+=($INGEST_PID)
    for _ in $(seq 1 180); do
      subscribed=$(grep -cs 'Subscribed to' "$ingest_log" || true)
      (( ${subscribed:-0} >= sessions )) && break
      kill -0 "$INGEST_PID" || { log "ingest died; see $ingest_log"; exit 1; }
      sleep 1
    done
    log "ingest up, $sessions session(s) subscribed (pid $INGEST_PID); verifying every device once (fills the credential cache)"
    grep -v '^#' "$WORK/devices.csv" | cut -d, -f1,2 > "$WORK/unverified.txt"
    for attempt in 1 2 3 4; do # a cold start may trip the circuit breaker (open 10 s): then again
      tr ',' ' ' < "$WORK/unverified.txt" | xargs -P 4 -n 2 sh -c \
        'code=$(curl -s -o /dev/null -w "%{http_code}" -u "$0:$1" -H "Content-Type: application/json" \
          -d "{\"ts\":\"$(date -u +%FT%TZ)\",\"metrics\":{\"speedKph\":1}}" '"http://127.0.0.1:$INGEST_PORT/api/v1/telemetry"'); \
         [ "$code" = 202 ] || echo "$0,$1"' > "$WORK/unverified.next" || true
      mv "$WORK/unverified.next" "$WORK/unverified.txt"
      refused=$(wc -l < "$WORK/unverified.txt")
      log "devices not accepted in cache warm-up round $attempt: $refused"
      [[ "$refused" == 0 ]] && break
      sleep 11
    done
    [[ "$refused" == 0 ]] || { log "the credential cache warm-up failed; see $ingest_log"; exit 1; }
    for measured in 0 1; do
      d=$WARMUP; [[ $measured == 1 ]] && d=$DURATION
      if [[ $http == 1 ]]; then
        phase "$variant" "http batch 500" $measured --url "http://127.0.0.1:$INGEST_PORT" --batch 500 \
          --rate "$RATE_BATCH" --max-in-flight "$INFLIGHT_BATCH" --duration "$d"
        phase "$variant" "http single" $measured --url "http://127.0.0.1:$INGEST_PORT" --batch 1 \
          --rate "$RATE_SINGLE" --max-in-flight "$INFLIGHT_SINGLE" --duration "$d"
      fi
      [[ $measured == 0 ]] && calls_before=$(curl -s "127.0.0.1:$DEVSVC_PORT/calls")
      [[ "$broker" == none ]] && continue
      phase "$variant" "$mqtt_name" $measured --transport mqtt --mqtt-url "$mqtt_url" --qos 1 \
        --batch 1 --rate "$mqtt_rate" --max-in-flight "$INFLIGHT_MQTT" --duration "$d"
      [[ "$broker" == mosquitto && -n "$MQTT_BACKLOG" && $measured == 1 ]] || continue
      phase "$variant" "$mqtt_name backlog" 1 --transport mqtt --mqtt-url "$mqtt_url" --qos 1 \
        --batch 1 --rate "$mqtt_rate" --max-in-flight "$INFLIGHT_MQTT" --duration "$MQTT_BACKLOG"
    done
    calls_after=$(curl -s "127.0.0.1:$DEVSVC_PORT/calls")
    log "credential checks at device-service during the measured phases: $((calls_after - calls_before))"
    kill "$INGEST_PID"; wait "$INGEST_PID" 2>/dev/null || true
  done
done

echo
echo "ingest-service benchmark $(date -u +%FT%TZ), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
  "DURATION=$DURATION WARMUP=$WARMUP DEVICES=$DEVICES, commit $(git rev-parse --short HEAD)"
column -t -s $'\t' "$RESULTS"
[[ -f "$WORK/jmh.csv" ]] && { echo; echo "JMH (ns per event, lower is better):"; \
  awk -F, 'NR > 1 {gsub(/"/, ""); printf "  %-60s %10.1f ± %.1f\n", $1, $5, $6}' "$WORK/jmh.csv"; }
echo "ProducerPerformance: $pp_line"
echo "credential checks at device-service during the last variant's measured phases: $((calls_after - calls_before))"
echo "logs: $WORK"
