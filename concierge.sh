#!/usr/bin/env bash
# One command for a fresh machine with Java 17, Maven and Node.js:
#   ./concierge.sh run     build, start Chroma (installed from npm on first use), ingest the demo
#                          knowledge base, serve the chat page on http://127.0.0.1:8080/
#   ./concierge.sh <cmd>   any other concierge subcommand (ingest, chat, eval, llm-sim, bench ...)
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/concierge.jar
build() {
  if [[ ! -f $JAR || -n "$(find src conf pom.xml -newer $JAR -type f 2>/dev/null | head -1)" ]]; then
    mvn -q -B -DskipTests package
  fi
}
# glibc gives each thread that allocates natively (ONNX Runtime, the tokenizer) its own malloc
# arena; two arenas keep the resident size down.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# and every 5 s the memory the C allocator keeps free goes back to the system (JDK 17.0.9 and
# later; left out where the JVM does not know the flag): without it the RSS stepped up by
# 21-64 MB under load and stayed there
TRIM="$(java -XX:TrimNativeHeapInterval=5000 -version > /dev/null 2>&1 && echo -XX:TrimNativeHeapInterval=5000 || true)"
JAVA_OPTS="${JAVA_OPTS:--Xmx224m -XX:+UseSerialGC -XX:TieredStopAtLevel=4 $TRIM --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED}"
cmd="${1:-run}"; shift || true
build
case "$cmd" in
  run|serve) exec java $JAVA_OPTS -jar $JAR serve "$@" ;;
  *)         exec java $JAVA_OPTS -jar $JAR "$cmd" "$@" ;;
esac
