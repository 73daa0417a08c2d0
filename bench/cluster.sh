#!/usr/bin/env bash
# The same WebSocket load on one clustered node, then on two clustered nodes of the same machine.
#   bench/cluster.sh [clients] [questions per client]      (defaults: 40 clients x 10 unique questions)
# Node A starts its own Chroma; node B uses A's (the shared-Chroma layout of a real cluster). The
# two-node run splits the clients evenly, one `concierge bench ws` per node, at the same time, and
# prints each node's figures. On one machine both nodes share its cores: a functional scaling
# check, not a capacity figure. Questions are unique, so the answer cache is never hit.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS="${1:-40}"; QUESTIONS="${2:-10}"
JAR=target/concierge.jar
[[ -f $JAR ]] || mvn -q -B -DskipTests package
OPTS="-Xmx384m -XX:+UseSerialGC --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED"
WORK="$(mktemp -d /tmp/concierge-bench-cluster-XXXX)"
HZ_A=15911; HZ_B=15912; EB_A=15921; EB_B=15922; HTTP_A=18181; HTTP_B=18182
MEMBERS="127.0.0.1:$HZ_A,127.0.0.1:$HZ_B"
PIDS=()
stop() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT

node() { # name http hz eb [chroma-url]
  mkdir -p "$WORK/$1"
  for warm in data target/cluster-it-data; do   # intent vectors of an earlier run: no need to embed them again
    [[ -f $warm/intent-example-vectors.bin ]] && { cp $warm/intent-example-vectors.bin "$WORK/$1/"; break; }
  done
  CONCIERGE_DATA_DIR="$WORK/$1" CHROMA_URL="${5:-}" CONCIERGE_CLUSTER_NAME="bench-$$" \
  CONCIERGE_CLUSTER_HAZELCAST_PORT=$3 CONCIERGE_CLUSTER_EVENT_BUS_PORT=$4 \
    java $OPTS -jar $JAR serve --cluster --members "$MEMBERS" --port "$2" > "$WORK/$1.out" 2> "$WORK/$1.log" &
  PIDS+=($!)
  echo $! > "$WORK/$1.pid"
  until curl -sf "http://127.0.0.1:$2/health" > /dev/null; do
    kill -0 "$(cat "$WORK/$1.pid")" || { tail -20 "$WORK/$1.log"; exit 1; }
    sleep 2
  done
  grep "ready at" "$WORK/$1.log" | sed "s/^/[$1] /"
}

ws() { # url pid clients
  java -Xmx256m -jar $JAR bench ws --url "$1" --pid "$2" --clients "$3" --questions "$QUESTIONS" --unique
}

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
node a $HTTP_A $HZ_A $EB_A
CHROMA="$(grep -o 'Chroma is up at [^ ]*' "$WORK/a.log" | awk '{print $5}')"
echo "== one node: $CLIENTS clients x $QUESTIONS questions on A"
ws "http://127.0.0.1:$HTTP_A" "$(cat "$WORK/a.pid")" "$CLIENTS" | sed 's/^/[A] /'
node b $HTTP_B $HZ_B $EB_B "$CHROMA"
echo "== two nodes: $((CLIENTS / 2)) clients on A and $((CLIENTS / 2)) on B at the same time"
ws "http://127.0.0.1:$HTTP_A" "$(cat "$WORK/a.pid")" $((CLIENTS / 2)) | sed 's/^/[A] /' > "$WORK/two-a.txt" &
WA=$!
ws "http://127.0.0.1:$HTTP_B" "$(cat "$WORK/b.pid")" $((CLIENTS / 2)) | sed 's/^/[B] /' > "$WORK/two-b.txt" &
WB=$!
wait $WA $WB
cat "$WORK/two-a.txt" "$WORK/two-b.txt"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
