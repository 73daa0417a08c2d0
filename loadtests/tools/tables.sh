#!/usr/bin/env bash
# Prints the markdown tables of BENCHMARKS.md from loadtests/results/*/summary.properties; the last
# (CPU by process, in percent of one core) only for runs whose samples hold the machine's ticks.
cd "${RESULTS:-$(dirname "$0")/../results}"
p() { awk -F= -v k="$2" '$1==k{print $2}' "$1/summary.properties"; }
s() { awk -v v="$1" 'BEGIN{ if (v=="") print "n/a"; else if (v>=1000) printf "%.1f s", v/1000; else printf "%.0f ms", v }'; }
echo "| scenario | server | turns (failed) | unavail. | full mean / P50 / P95 / P99 | really answered: mean / P95 (n) | TTFT P50 / P95 | turns/s | cache hit | cost / 1,000 turns | peak RSS server + Chroma | server CPU avg | load avg |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for sc in "$@"; do
  [[ -f $sc/summary.properties ]] || continue
  f=$sc
  printf '| %s | %s, cache %s, %s | %s (%s) | %.0f%% | %s / %s / %s / %s | %s / %s (%s) | %s / %s | %s | %.1f%% | $%s | %s + %s MB | %s%% | %s |\n' \
    "$sc" "$(p $f model)" "$(p $f cache)" "$(p $f transport)" "$(p $f turns)" "$(p $f failed)" \
    "$(awk -v v="$(p $f embeddingUnavailableShare)" 'BEGIN{print v*100}')" \
    "$(s "$(p $f fullMs.mean)")" "$(s "$(p $f fullMs.p50)")" "$(s "$(p $f fullMs.p95)")" "$(s "$(p $f fullMs.p99)")" \
    "$(s "$(p $f answeredFullMs.mean)")" "$(s "$(p $f answeredFullMs.p95)")" "$(p $f answeredFullMs.n)" \
    "$(s "$(p $f ttftMs.p50)")" "$(s "$(p $f ttftMs.p95)")" "$(p $f turnsPerSecond)" \
    "$(awk -v v="$(p $f cacheHitRate)" 'BEGIN{print v*100}')" "$(printf '%.2f' "$(p $f costPer1000TurnsUsdWindow)")" \
    "$(p $f resources.serverPeakRssMb)" "$(p $f resources.chromaPeakRssMb)" "$(p $f resources.serverCpuAvgPct)" "$(p $f resources.load1Avg)"
done
echo
echo "| scenario | LLM turns matched | overhead full answer mean / P50 / P95 / P99 | overhead first token P50 / P95 / P99 | LLM's own total P50 / P95 | client full answer of LLM turns P50 / P95 |"
echo "|---|---|---|---|---|---|"
for sc in "$@"; do
  f=$sc
  [[ -f $f/summary.properties ]] && grep -q '^overhead.matched' $f/summary.properties || continue
  printf '| %s | %s of %s | %s / %s / %s / %s | %s / %s / %s | %s / %s | %s / %s |\n' "$sc" "$(p $f overhead.matched)" "$(p $f overhead.llmTurns)" \
    "$(s "$(p $f overhead.fullAnswerOverheadMs.mean)")" "$(s "$(p $f overhead.fullAnswerOverheadMs.p50)")" "$(s "$(p $f overhead.fullAnswerOverheadMs.p95)")" "$(s "$(p $f overhead.fullAnswerOverheadMs.p99)")" \
    "$(s "$(p $f overhead.firstTokenOverheadMs.p50)")" "$(s "$(p $f overhead.firstTokenOverheadMs.p95)")" "$(s "$(p $f overhead.firstTokenOverheadMs.p99)")" \
    "$(s "$(p $f overhead.llmTotalMs.p50)")" "$(s "$(p $f overhead.llmTotalMs.p95)")" "$(s "$(p $f llmFullMs.p50)")" "$(s "$(p $f llmFullMs.p95)")"
done
echo
echo "| scenario | model | LLM turns' TTFT P95 | simulator's TTFT P95 (same window) | bar: simulator + 30 ms | LLM turns that did not ask the intent model: TTFT P95 |"
echo "|---|---|---|---|---|---|"
for sc in "$@"; do
  f=$sc
  [[ -f $f/summary.properties ]] || continue
  for m in $(awk -F= '$1 ~ /^overhead\.ttftBar\..*\.clientP95Ms$/ {k=$1; sub(/^overhead\.ttftBar\./, "", k); sub(/\.clientP95Ms$/, "", k); print k}' $f/summary.properties); do
    client="$(p $f overhead.ttftBar.$m.clientP95Ms)"; sim="$(p $f overhead.ttftBar.$m.simP95Ms)"
    printf '| %s | %s | %.0f ms | %.0f ms | %s | %.0f ms |\n' "$sc" "$m" "$client" "$sim" \
      "$(awk -v c="$client" -v s="$sim" 'BEGIN{ if (c <= s + 30) print "met"; else printf "missed by %.0f ms", c - s - 30 }')" \
      "$(p $f overhead.ttftBar.$m.clientWithoutIntentModelP95Ms)"
  done
done
echo
echo "| scenario | machine busy | server | Chroma | LLM simulator | the rest (mostly the load generator) | load avg |"
echo "|---|---|---|---|---|---|---|"
for sc in "$@"; do
  f=$sc
  [[ -f $f/summary.properties ]] && grep -q '^resources.machineCpuAvgPct' $f/summary.properties || continue
  printf '| %s | %s%% | %s%% | %s%% | %s%% | %s%% | %s |\n' "$sc" "$(p $f resources.machineCpuAvgPct)" \
    "$(p $f resources.serverCpuAvgPct)" "$(p $f resources.chromaCpuAvgPct)" "$(p $f resources.simCpuAvgPct)" \
    "$(p $f resources.othersCpuAvgPct)" "$(p $f resources.load1Avg)"
done
