#!/usr/bin/env bash
# The demo data's key pages at 16 connections (issue 3: the advisor's start page p95 < 50 ms; issue 4:
# programme pages; issue 6: session page and timeline), as a Markdown table. Expects Stillas on $BASE
# (default http://localhost:5080) with the demo data, started with Bench:Baseline=true so the baseline
# page (a fixed 100-row table, no authorisation) runs in the same minute. Starts nothing itself.
#   BASE=http://127.0.0.1:5080 bench/demo.sh
# Optional: CONNS (16), SECS (10 per page), WARMUP (10: seconds of wrk on each page before it is
# measured; .NET's tiered JIT needs a few thousand requests of a page before its code is optimised,
# and a cold page measured right after start reads 2-3 times slower than it runs all day).
set -euo pipefail
cd "$(dirname "$0")"
base=${BASE:-http://localhost:5080}; conns=${CONNS:-16}; secs=${SECS:-10}; warmup=${WARMUP:-10}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
command -v jq >/dev/null || { echo "jq is missing: apt-get install jq"; exit 1; }
curl -sf -o /dev/null "$base/health/ready" || { echo "Stillas is not answering on $base/health/ready: start it first."; exit 1; }

declare -A cookies
cookie() { [ -n "${cookies[$1]:-}" ] || cookies[$1]=$(./login.sh "$base" "$1"); echo "${cookies[$1]}"; }
advisor=veileder@nordvik.test
get() { curl -sf -H "Cookie: $(cookie "$advisor")" "$base$1"; }
# Sentrum skole's programme: the one with sessions held.
programme=$(for id in $(get "/api/v1/programmes?pageSize=100" | jq -r '.items[].id'); do
  if get "/api/v1/programmes/$id/sessions" | jq -e 'map(select(.isDone)) | length > 0' >/dev/null 2>&1; then echo "$id"; break; fi; done)
[ -n "$programme" ] || { echo "no programme with a session held: is this the demo data?"; exit 1; }
session=$(get "/api/v1/programmes/$programme/sessions" | jq -r '[.[] | select(.isDone)] | last | .id')

echo "Machine: $(nproc) cores, load before $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c$conns, ${secs}s per page after ${warmup}s of warm-up; $(date -u '+%d.%m.%Y %H:%M') UTC, commit $(git rev-parse --short HEAD)"
echo
echo "| page | user | req/s | of baseline | p50 ms | p95 ms | p99 ms |"
echo "|---|---|---|---|---|---|---|"
baseline=""
run() {
  local name=$1 user=$2 path=$3 header=() out rps
  [ "$user" = "-" ] || header=(-H "Cookie: $(cookie "$user")")
  code=$(curl -s -o /dev/null -w '%{http_code}' "${header[@]}" "$base$path")
  [ "$code" = 200 ] || { echo "| $name | $user | answered $code, not measured | | | | |"; return; }
  [ "$warmup" = 0 ] || wrk -t2 -c"$conns" -d"${warmup}s" "${header[@]}" "$base$path" >/dev/null
  out=$(wrk -t2 -c"$conns" -d"${secs}s" -s report.lua "${header[@]}" "$base$path" | grep RESULT)
  rps=$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$out")
  [ -n "$baseline" ] || baseline=$rps
  printf '| %s | %s | %s | %s %% | %s | %s | %s |\n' "$name" "$user" "$rps" "$(echo "scale=0; 100 * $rps / $baseline" | bc)" \
    "$(sed 's/.*p50=\([0-9.]*\).*/\1/' <<<"$out")" "$(sed 's/.*p95=\([0-9.]*\).*/\1/' <<<"$out")" "$(sed 's/.*p99=\([0-9.]*\).*/\1/' <<<"$out")"
}
run "baseline (Fortunes)" - "/Baseline/Fortunes"
run "start page" "$advisor" "/"
run "start page" rektor.sentrum@nordvik.test "/"
run "start page" skoleeier@nordvik.test "/"
run "programme page" "$advisor" "/Programmes/Details/$programme"
run "programmes list" skoleeier@nordvik.test "/Programmes"
run "session page" "$advisor" "/Programmes/Sessions/Session/$session"
run "timeline" rektor.sentrum@nordvik.test "/Programmes/Timeline/$programme"
echo
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"
