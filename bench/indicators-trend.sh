#!/usr/bin/env bash
# Issue 21, part 12: the indicator trend page (/Indicators/Schools/{id}) at 16 connections (goal: p95 < 50 ms),
# with /health/ready in the same run as the baseline. Expects Stillas on $BASE (default http://localhost:5080) with
# the demo data (five years of figures for Sentrum skole). Starts nothing itself.
#   BASE=http://127.0.0.1:5080 bench/indicators-trend.sh [email]
# Optional: CONNS (16), SECS (10), WARMUP (5 seconds of wrk before measuring).
set -euo pipefail
cd "$(dirname "$0")"
base=${BASE:-http://localhost:5080}; email=${1:-rektor.sentrum@nordvik.test}; conns=${CONNS:-16}; secs=${SECS:-10}; warmup=${WARMUP:-5}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
command -v jq >/dev/null || { echo "jq is missing: apt-get install jq"; exit 1; }
cookie=$(./login.sh "$base" "$email")
school=$(curl -sf -H "Cookie: $cookie" "$base/api/v1/schools?pageSize=100" | jq -r '(.items // .) | map(select(.name == "Sentrum skole")) | .[0].id')
[ -n "$school" ] && [ "$school" != null ] || { echo "Sentrum skole not found: is this the demo data?"; exit 1; }
echo "trend page of school $school; $conns connections, ${secs}s after ${warmup}s warm-up; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
run() {
  local name=$1 path=$2
  curl -s -o /dev/null -w "warm-up $name %{http_code}\n" -H "Cookie: $cookie" "$base$path"
  wrk -t2 -c"$conns" -d"${warmup}s" -H "Cookie: $cookie" "$base$path" >/dev/null
  printf '%-24s ' "$name"
  wrk -t2 -c"$conns" -d"${secs}s" -s report.lua -H "Cookie: $cookie" "$base$path" | grep RESULT
}
run "baseline /health/ready" "/health/ready"
run "trend page" "/Indicators/Schools/$school"
run "school indicators API" "/api/v1/schools/$school/indicators"
