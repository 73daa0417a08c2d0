#!/usr/bin/env bash
# Load tests for Concierge: starts the LLM simulator (when the scenario needs an LLM) and a
# Concierge server on free ports with its data in a temp folder, samples their memory and CPU,
# runs the Gatling simulation, and writes a summary under loadtests/results/<scenario>/.
#
#   loadtests/run.sh <scenario>
#
# scenarios (server configuration / message mix / transport):
#   seed-mix-gpt4   LLM simulator, gpt-4 preset, cache off   / seed   / ws
#   seed-mix-fast   LLM simulator, gpt-4o-mini preset, cache off / seed / ws
#   embedded        no LLM (embedded generator), cache off   / seed   / ws
#   replay          LLM simulator, gpt-4o-mini, cache on     / the cache's replay workload, once / ws
#   ws, rest        no LLM, cache off                        / seed   / ws or POST /v1/chat
#   embedded-paced  no LLM, cache off, paced (open model) at half of `embedded`'s turns/s / seed / POST /v1/chat
#   embedded, rest and embedded-paced also measure the raw embedding model alone (bench embedding) first
#   smoke           no LLM, cache off, 20 users, 30 s, no warm-up; exits 1 on any failed turn
#
# Environment: USERS (100), DURATION (300, measured seconds), WARMUP (150; embedded-paced 45), RAMP (10), SEED (42),
# LLM_URL / LLM_API_KEY / LLM_MODEL (a real OpenAI-compatible endpoint instead of the simulator),
# SERVER_JAVA_OPTS and MALLOC_ARENA_MAX (defaults as in concierge.sh), KEEP_TMP=1 keeps the temp folder, RESULTS_DIR (loadtests/results),
# INTENT_LABELS (1: the simulator is told each seed-mix message's intent and answers the intent model with it; 0: prose).
# replay and embedded-paced: the server's and Gatling's JIT are warmed first with JIT_WARMUP seconds of
# the seed mix (closed loop, in the same Gatling run; 150 s: C2 compiled for about 170 s of load), then the cache is cleared.
# embedded-paced: RATE_TURNS turns/s (default: half of the last `embedded` run's turns/s); WARMUP 45, DURATION 120.
# SERVER_JAR: run this server jar instead of building target/concierge.jar. SIM_JAR: the jar whose
# `llm-sim` to run (default: the server jar).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SCENARIO="${1:?usage: loadtests/run.sh seed-mix-gpt4|seed-mix-fast|embedded|embedded-paced|replay|ws|rest|smoke}"
# the paced run measures 120 s after 45 s at its rate (which also warms Gatling's own JIT)
if [[ $SCENARIO == embedded-paced ]]; then WARMUP="${WARMUP:-45}"; DURATION="${DURATION:-120}"; fi
USERS="${USERS:-100}"; DURATION="${DURATION:-300}"; WARMUP="${WARMUP:-150}"; RAMP="${RAMP:-10}"; SEED="${SEED:-42}"
MIX=seed; TRANSPORT=ws; LLM=sim; MODEL=""; CACHE=false; STRICT=0; RATE=0; RAW=0; JIT=0
case "$SCENARIO" in
  seed-mix-gpt4) MODEL=gpt-4 ;;
  seed-mix-fast) MODEL=gpt-4o-mini ;;
  embedded)      LLM=none; RAW=1 ;;
  ws)            LLM=none ;;
  rest)          LLM=none; TRANSPORT=rest; RAW=1 ;;
  embedded-paced)
    # paced (open model) at half the closed-loop throughput of the last `embedded` run, over REST
    LLM=none; TRANSPORT=rest; RAW=1; RAMP=0; JIT=150
    PREV="${RESULTS_DIR:-$HERE/results}/embedded/summary.properties"
    if [[ -z "${RATE_TURNS:-}" && -f $PREV ]]; then RATE_TURNS="$(awk -F= '$1=="turnsPerSecond"{print $2/2}' "$PREV")"; fi
    RATE_TURNS="${RATE_TURNS:-40}"
    # a seed-mix conversation is 1.3 turns on average (15% are three-turn order placements)
    RATE="$(awk -v t="$RATE_TURNS" 'BEGIN{printf "%.2f", t/1.3}')" ;;
  replay)        MIX=workload; MODEL=gpt-4o-mini; CACHE=true; WARMUP=0; JIT=150 ;;
  smoke)         LLM=none; USERS="${USERS_SMOKE:-20}"; DURATION="${DURATION_SMOKE:-30}"; WARMUP=0; RAMP=2; STRICT=1 ;;
  *) echo "unknown scenario: $SCENARIO" >&2; exit 2 ;;
esac
JIT_WARMUP="${JIT_WARMUP:-$JIT}"
if [[ -n "${LLM_URL:-}" && $LLM == sim ]]; then LLM=external; MODEL="${LLM_MODEL:-$MODEL}"; fi

TRIM="$(java -XX:TrimNativeHeapInterval=5000 -version > /dev/null 2>&1 && echo -XX:TrimNativeHeapInterval=5000 || true)"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--Xmx224m -XX:+UseSerialGC -XX:TieredStopAtLevel=4 $TRIM --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED}"
JAR="${SERVER_JAR:-$ROOT/target/concierge.jar}"
OUT="${RESULTS_DIR:-$HERE/results}/$SCENARIO"
TMP="$(mktemp -d /tmp/concierge-load.XXXXXX)"
mkdir -p "$OUT"
log() { printf '%s [run.sh] %s\n' "$(date +%H:%M:%S)" "$*"; }

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  [[ "${KEEP_TMP:-0}" == 1 ]] || rm -rf "$TMP"
}
trap cleanup EXIT

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
wait_http() { # url seconds
  for _ in $(seq 1 $(($2 * 2))); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.5
  done
  echo "timed out waiting for $1" >&2; return 1
}

# 1. the server jar, built as ./concierge.sh builds it
if [[ -z "${SERVER_JAR:-}" ]] && [[ ! -f $JAR || -n "$(cd "$ROOT" && find src conf pom.xml -newer "$JAR" -type f 2>/dev/null | head -1)" ]]; then
  log "building $JAR"
  (cd "$ROOT" && mvn -q -B -DskipTests package)
fi
# 2. the load generator, compiled before anything starts so compile time is not load time
log "compiling the simulation"
(cd "$HERE" && mvn -q -B test-compile -Dscenario="$SCENARIO")

log "uptime before: $(uptime)"
echo "$(uptime)" > "$OUT/uptime-before.txt"
(cd "$(dirname "$JAR")/.." && echo "$JAR $(git rev-parse --short HEAD 2>/dev/null || echo unknown)") > "$OUT/commit.txt"
ps -eo pid,pcpu,rss,args --sort=-pcpu | sed -n 1,12p | cut -c1-200 > "$OUT/processes-before.txt"

# 3. the LLM simulator
SIM_LOG="$TMP/llm-sim.jsonl"
LLM_ENV=()
if [[ $LLM == sim ]]; then
  SIM_PORT="$(free_port)"
  log "starting llm-sim on $SIM_PORT (seed $SEED, tails on, model $MODEL)"
  java -Xmx256m -XX:+UseSerialGC -jar "${SIM_JAR:-$JAR}" llm-sim --port "$SIM_PORT" --seed "$SEED" --tails on \
      --log "$SIM_LOG" > "$TMP/llm-sim.out" 2>&1 &
  SIM_PID=$!; PIDS+=("$SIM_PID")
  wait_http "http://127.0.0.1:$SIM_PORT/v1/models" 60
  LLM_ENV=(CONCIERGE_LLM_URL="http://127.0.0.1:$SIM_PORT/v1" CONCIERGE_LLM_MODEL="$MODEL")
elif [[ $LLM == external ]]; then
  log "using the external LLM at $LLM_URL (model $MODEL)"
  LLM_ENV=(CONCIERGE_LLM_URL="$LLM_URL" CONCIERGE_LLM_API_KEY="${LLM_API_KEY:-}" CONCIERGE_LLM_MODEL="$MODEL")
else
  LLM_ENV=(CONCIERGE_GENERATION_PROVIDER=embedded)
fi

# 4. Concierge
PORT="$(free_port)"
log "starting Concierge on $PORT (llm $LLM ${MODEL:-embedded}, cache $CACHE, data $TMP/data)"
env "${LLM_ENV[@]}" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" CONCIERGE_HTTP_PORT="$PORT" CONCIERGE_DATA_DIR="$TMP/data" CONCIERGE_CACHE_ENABLED="$CACHE" \
    java $SERVER_JAVA_OPTS -jar "$JAR" serve > "$TMP/server.out" 2>&1 &
SERVER_PID=$!; PIDS+=("$SERVER_PID")
if ! wait_http "http://127.0.0.1:$PORT/health" 240; then tail -40 "$TMP/server.out" >&2; exit 1; fi
CHROMA_PID=""; best=0
for p in $(pgrep -f -- "--path $TMP/data/chroma" || true); do # the node process, not a launcher: the largest RSS
  r=$(awk '/^VmRSS:/{print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
  if [[ ${r:-0} -gt $best ]]; then best=$r; CHROMA_PID=$p; fi
done
log "server pid $SERVER_PID, chroma pid ${CHROMA_PID:-?}"

# 5. sampling: every second, RSS (kB) and CPU ticks of the server and of Chroma, the simulator's CPU
# ticks, and the whole machine's busy and total ticks (/proc/stat): what is left is the load generator's
SAMPLES="$OUT/samples.csv"
echo "epochMs,serverRssKb,serverCpuTicks,chromaRssKb,chromaCpuTicks,load1,simCpuTicks,machineBusyTicks,machineTicks" > "$SAMPLES"
sample_proc() { # pid -> "rssKb ticks"
  local pid=$1 rss ticks
  rss=$(awk '/^VmRSS:/{print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  ticks=$(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
  echo "${rss:-0} ${ticks:-0}"
}
(
  while kill -0 "$SERVER_PID" 2>/dev/null; do
    read -r srss scpu < <(sample_proc "$SERVER_PID")
    if [[ -n $CHROMA_PID ]]; then read -r crss ccpu < <(sample_proc "$CHROMA_PID"); else crss=0; ccpu=0; fi
    if [[ -n ${SIM_PID:-} ]]; then read -r _ simcpu < <(sample_proc "$SIM_PID"); else simcpu=0; fi
    machine=$(awk '/^cpu /{idle=$5+$6; total=0; for (i=2; i<=9; i++) total+=$i; print total-idle "," total}' /proc/stat)
    echo "$(date +%s%3N),$srss,$scpu,$crss,$ccpu,$(cut -d' ' -f1 /proc/loadavg),$simcpu,$machine" >> "$SAMPLES"
    sleep 1
  done
) &
SAMPLER_PID=$!; PIDS+=("$SAMPLER_PID")

rm -f "$OUT/cache-cleared.json"
curl -sf "http://127.0.0.1:$PORT/admin/costs" > "$OUT/costs-before.json" || echo '{}' > "$OUT/costs-before.json"

# 6. the raw embedding model alone, in the same run (the server idle): the floor of an uncached turn
if [[ $RAW == 1 ]]; then
  log "raw embedding model throughput (20 s)"
  java -Xmx256m -XX:+UseSerialGC -jar "$JAR" bench embedding --seconds 20 2>/dev/null | tee "$OUT/raw-embedding.txt" | grep -v '='
else
  rm -f "$OUT/raw-embedding.txt"
fi

# 7. Gatling. The replay runs once from an empty cache, and the paced run's own warm-up is too slow
# to bring the JIT to its steady state (at 81 turns/s the server still compiled 80 s in): those
# start with JIT_WARMUP seconds of the seed mix in a closed loop, in the same Gatling JVM (so the
# load generator is warm too), then clear the cache and read /admin/costs again (JIT_WARMUP=0: none)
WARM_ARGS=()
if [[ $JIT_WARMUP != 0 ]]; then
  log "first: seed mix for $JIT_WARMUP s (JIT warm-up of server and load generator), then POST /admin/cache/clear"
  WARM_ARGS=(-DjitWarmup="$JIT_WARMUP" -DwarmupTurnLog="$TMP/warmup-turns.csv" \
      -DcacheClearedOut="$OUT/cache-cleared.json" -DcostsOut="$OUT/costs-before.json")
fi
if [[ $RATE != 0 ]]; then
  log "gatling: paced, $RATE conversations/s (about ${RATE_TURNS} turns/s), warm-up $WARMUP s, measured $DURATION s, mix $MIX over $TRANSPORT"
else
  log "gatling: $USERS users, ramp $RAMP s, warm-up $WARMUP s, measured $DURATION s, mix $MIX over $TRANSPORT"
fi
# the simulated intent model knows the intent of every seed-mix message (INTENT_LABELS=0: it answers prose)
LABEL_ARGS=()
if [[ $LLM == sim && ${INTENT_LABELS:-1} != 0 ]]; then LABEL_ARGS=(-DsimUrl="http://127.0.0.1:$SIM_PORT"); fi
START_MS="$(date +%s%3N)"
(cd "$HERE" && mvn -B -q gatling:test -Dscenario="$SCENARIO" -Dgatling.simulationClass=concierge.load.ChatSimulation \
    -DbaseUrl="http://127.0.0.1:$PORT" -Dusers="$USERS" -Dduration="$DURATION" -Dwarmup="$WARMUP" -Dramp="$RAMP" \
    -Dmix="$MIX" -Dtransport="$TRANSPORT" -Dseed="$SEED" -Drate="$RATE" -DturnLog="$OUT/turns.csv" "${WARM_ARGS[@]}" \
    "${LABEL_ARGS[@]}") 2>&1 | tee "$OUT/gatling.out" | tail -60
if [[ $JIT_WARMUP != 0 ]]; then
  if [[ ! -s "$OUT/cache-cleared.json" ]]; then log "the cache was not cleared after the warm-up"; exit 1; fi
  log "warm-up: $(($(wc -l < "$TMP/warmup-turns.csv") - 1)) turns; cache cleared: $(cat "$OUT/cache-cleared.json")"
fi
END_MS="$(date +%s%3N)"
curl -sf "http://127.0.0.1:$PORT/admin/costs" > "$OUT/costs-after.json" || echo '{}' > "$OUT/costs-after.json"
curl -sf "http://127.0.0.1:$PORT/metrics" > "$OUT/metrics-after.txt" || true
echo "$(uptime)" > "$OUT/uptime-after.txt"
# sed reads all of ls's output: with head, ls can get SIGPIPE once the list passes 4 KB, and pipefail stops the script
REPORT="$(ls -td "$HERE"/target/gatling/*/ 2>/dev/null | sed -n 1p)"

# 8. stop, keep the simulator's log, summarize
kill "$SAMPLER_PID" 2>/dev/null || true
kill "$SERVER_PID" 2>/dev/null || true
for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
# a Chroma left behind by a server that died without stopping it is ours: stop it too
if [[ -n $CHROMA_PID ]] && kill -0 "$CHROMA_PID" 2>/dev/null; then
  kill "$CHROMA_PID" 2>/dev/null || true
  for _ in $(seq 1 25); do kill -0 "$CHROMA_PID" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$CHROMA_PID" 2>/dev/null || true   # it has been seen to ignore SIGTERM
fi
[[ $LLM == sim ]] && { kill "$SIM_PID" 2>/dev/null || true; sleep 1; cp "$SIM_LOG" "$OUT/llm-sim.jsonl" 2>/dev/null || true; }
grep -iE "exception|error" "$TMP/server.out" | sort | uniq -c | sort -rn | head -20 > "$OUT/server-errors.txt" || true
SUMMARY_ARGS=(--scenario "$SCENARIO" --turns "$OUT/turns.csv" --sim "$OUT/llm-sim.jsonl" \
    --samples "$SAMPLES" --costs-before "$OUT/costs-before.json" --costs-after "$OUT/costs-after.json" \
    --start-ms "$START_MS" --end-ms "$END_MS" --ramp "$RAMP" --warmup "$WARMUP" --duration "$DURATION" \
    --users "$USERS" --llm "$LLM" --model "${MODEL:-embedded}" --cache "$CACHE" --mix "$MIX" --transport "$TRANSPORT" \
    --rate "$RATE" --raw-embedding "$OUT/raw-embedding.txt" --report "${REPORT:-}" --out "$OUT")
printf "%q " java "$HERE/tools/Summary.java" "${SUMMARY_ARGS[@]}" > "$OUT/summarize.sh"
java "$HERE/tools/Summary.java" "${SUMMARY_ARGS[@]}"
cat "$OUT/summary.md"
if [[ $STRICT == 1 ]]; then
  FAILED="$(awk -F= '$1=="failed"{print $2}' "$OUT/summary.properties")"
  TURNS="$(awk -F= '$1=="turns"{print $2}' "$OUT/summary.properties")"
  if [[ "$FAILED" != 0 || "$TURNS" == 0 ]]; then log "SMOKE FAILED: $FAILED failed of $TURNS turns"; exit 1; fi
  log "smoke passed: $TURNS turns, none failed"
fi
