#!/usr/bin/env bash
# wrk against a running Stillas: the session run page and the programme timeline at 16 connections
# (issue 6's goal: p95 < 50 ms), with /health/ready in the same run as the baseline (the machine is
# shared: compare ratios, not absolute numbers across runs); then the timeline PDF, timed 5 times
# (goal < 1 s). Expects Stillas on $BASE (default http://localhost:5080) with the demo data: Sentrum
# skole's programme of 8 sessions, 1–4 held with notes, interim work, evaluations. Starts nothing itself.
#   BASE=http://127.0.0.1:5080 bench/sessions.sh [email]
# Optional: CONNS (16), SECS (15 per page), PROGRAMME (id; default the first programme with held sessions),
# SESSION (number to open; default 4, the last one held: the opening shows session 3's feedback).
set -euo pipefail
cd "$(dirname "$0")"
base=${BASE:-http://localhost:5080}; email=${1:-veileder@nordvik.test}; conns=${CONNS:-16}; secs=${SECS:-15}; number=${SESSION:-4}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
command -v jq >/dev/null || { echo "jq is missing: apt-get install jq"; exit 1; }
cookie=$(./login.sh "$base" "$email")
get() { curl -sf -H "Cookie: $cookie" "$base$1"; }

programme=${PROGRAMME:-}
if [ -z "$programme" ]; then
  for id in $(get "/api/v1/programmes?pageSize=100" | jq -r '.items[].id'); do
    if get "/api/v1/programmes/$id/sessions" | jq -e "map(select(.number == $number and .isDone)) | length > 0" >/dev/null 2>&1; then programme=$id; break; fi
  done
fi
[ -n "$programme" ] || { echo "no programme with session $number held: is this the demo data?"; exit 1; }
session=$(get "/api/v1/programmes/$programme/sessions" | jq -r ".[] | select(.number == $number) | .id")
sessions=$(get "/api/v1/programmes/$programme/sessions" | jq length)
echo "programme $programme ($sessions sessions), session $number = id $session; $conns connections, ${secs}s per page; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

run() {
  local name=$1 path=$2
  curl -s -o /dev/null -w "warm-up $name %{http_code}\n" -H "Cookie: $cookie" "$base$path"
  for _ in 1 2 3; do curl -s -o /dev/null -H "Cookie: $cookie" "$base$path"; done
  printf '%-22s ' "$name"
  wrk -t2 -c"$conns" -d"${secs}s" -s report.lua -H "Cookie: $cookie" "$base$path" | grep RESULT
}
run "baseline /health/ready" "/health/ready"
run "session page" "/Programmes/Sessions/Session/$session"
run "timeline page" "/Programmes/Timeline/$programme"
run "sessions list" "/Programmes/Sessions/$programme"

printf 'timeline PDF (s):     '
for _ in 1 2 3 4 5; do
  curl -s -o /dev/null -w '%{time_total} ' -H "Cookie: $cookie" "$base/Programmes/Timeline/$programme?handler=Pdf"
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
