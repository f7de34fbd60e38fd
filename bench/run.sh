#!/usr/bin/env bash
# The benchmark of issue 7: wrk against the key pages of a RUNNING Stillas on the national dataset,
# at 16 and 32 connections, each page's throughput as a ratio of the baseline (/Baseline/Fortunes)
# measured in the same run, p50/p95/p99, and the server's peak RSS. Starts nothing itself.
#
# Expects: Stillas at $BASE (default http://127.0.0.1:5080), started with --Bench:Baseline=true on a
# database filled by `generate` (docs/performance.md), and the users file that `generate` wrote.
# bench/serve.sh starts it so; the start-up time it measured is then reported with the table.
#   BASE=http://127.0.0.1:5080 USERS=/tmp/nat/national-users.json PROVIDER=Sqlite bench/run.sh
# Optional: PID (the app's process; found by port otherwise), SECS (per run, default 10), WARMUP (s, 15: .NET's tiered JIT
# needs thousands of requests of a page before its code is optimised),
# CONNS ("16 32"), ONLY (a regex of page names), NO_APPEND=1 (do not append to docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")"
base=${BASE:-http://127.0.0.1:5080}; users=${USERS:-national-users.json}; secs=${SECS:-10}; warmup=${WARMUP:-15}
conns_list=${CONNS:-16 32}; provider=${PROVIDER:-unknown}; only=${ONLY:-.}

fail() { echo "bench/run.sh: $*" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q wrk >/dev/null || fail "could not install wrk"; else fail "wrk is missing: apt-get install wrk"; fi
fi
command -v jq >/dev/null || fail "jq is missing: apt-get install jq"
[ -f "$users" ] || fail "no users file at $users: run 'generate' (it writes national-users.json next to the SQLite database, or in the working directory for PostgreSQL) and pass USERS=path"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Expecting Stillas on $base (national dataset, --Bench:Baseline=true); provider $provider; users from $users."
code=$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready" || true)
[ "$code" = 200 ] || fail "Stillas is not answering at $base/health/ready (got '$code'). Start it first, see docs/performance.md."
baseline_page=$(curl -s "$base/Baseline/Fortunes" || true)
grep -q '<h1>Grunnlinje</h1>' <<<"$baseline_page" || fail "$base/Baseline/Fortunes does not answer: start the app with --Bench:Baseline=true."

port=${base##*:}; port=${port%%/*}
pid=${PID:-$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)}
[ -n "$pid" ] && [ -r "/proc/$pid/status" ] || fail "cannot find the app's process listening on port $port: pass PID=..."

u() { jq -r ".$1" "$users"; }
password=$(u password)
declare -A cookie
for who in systemAdmin advisor ownerAdmin principal; do
  email=$(u "$who")
  cookie[$who]=$(./login.sh "$base" "$email" "$password") || fail "login as $email ($who) failed: is this the national dataset that $users belongs to?"
done
programme=$(u programmeId); calendar=$(u calendarPath); search=$(u schoolSearch)
# The session page: the last session held in that programme, else its first (0, answered 404 and skipped, if none).
session=$(curl -s -H "Cookie: ${cookie[advisor]}" "$base/api/v1/programmes/$programme/sessions" | jq -r '(([.[]? | select(.isDone)] | last) // (.[0]?)) | .id // 0' 2>/dev/null || echo 0)
# Page 50 of the schools list is reached as a user would: by following "Neste" (the list pages by key, so the
# address of page 50 carries the sort key of page 49's last school).
page50=/Schools
for _ in $(seq 2 50); do
  page50=$(curl -s -H "Cookie: ${cookie[systemAdmin]}" "$base$page50" | sed -n 's/.*href="\([^"]*\)" rel="next".*/\1/p' | head -n 1 | sed 's/&amp;/\&/g')
  [ -n "$page50" ] || fail "schools list: no link to the next page before page 50"
done

# name | who (cookie) | path | text the response must contain | optional (skipped when 404)
pages=(
  "baseline|-|/Baseline/Fortunes|<h1>Grunnlinje</h1>|"
  "start page, advisor|advisor|/|<h1 class=\"ds-heading\" data-size=\"lg\">Hei,|"
  "start page, owner admin|ownerAdmin|/|<h1 class=\"ds-heading\" data-size=\"lg\">Hei,|"
  "start page, principal|principal|/|<h1 class=\"ds-heading\" data-size=\"lg\">Hei,|"
  "schools, search|ownerAdmin|/Schools?Q=$search|data-size=\"lg\">Skoler</h1>|"
  "schools, page 50|systemAdmin|$page50|data-size=\"lg\">Skoler</h1>|"
  "programme page|advisor|/Programmes/Details/$programme|<h1 class=\"ds-heading\"|"
  "programmes list|advisor|/Programmes|data-size=\"lg\">Veiledningsforløp</h1>|"
  "iCal feed|-|$calendar|BEGIN:VCALENDAR|"
  "API schools|ownerAdmin|/api/v1/schools|\"items\"|"
  "API programmes|advisor|/api/v1/programmes|\"items\"|"
  "API people|ownerAdmin|/api/v1/people|\"items\"|"
  "API selection rounds|ownerAdmin|/api/v1/selection-rounds|\"items\"|"
  "API audit|ownerAdmin|/api/v1/audit|\"items\"|"
  "timeline|advisor|/Programmes/Timeline/$programme|<h1|optional"
  "session page|advisor|/Programmes/Sessions/Session/$session|<h1|optional"
)

declare -A rps
rows=()
for conns in $conns_list; do
  for entry in "${pages[@]}"; do
    IFS='|' read -r name who path expect optional <<<"$entry"
    [[ "$name" =~ $only ]] || [ "$name" = baseline ] || continue
    hdr=(); [ "$who" = - ] || hdr=(-H "Cookie: ${cookie[$who]}")
    body=$(mktemp)
    code=$(curl -s -o "$body" -w '%{http_code}' "${hdr[@]}" "$base$path")
    if [ "$code" = 404 ] && [ -n "$optional" ]; then
      echo "skipped: $name ($path answers 404: not built yet)"; rm -f "$body"; continue
    fi
    [ "$code" = 200 ] || fail "$name: $path answered $code as $who, not 200"
    grep -qF "$expect" "$body" || fail "$name: $path answered 200 but without '$expect' (an error page?)"
    rm -f "$body"
    [ "$conns" = "${conns_list%% *}" ] && wrk -t2 -c"$conns" -d"${warmup}s" -s report.lua "${hdr[@]}" "$base$path" >/dev/null
    line=$(wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency -s report.lua "${hdr[@]}" "$base$path" | grep '^RESULT')
    get() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$line"; }
    r=$(get rps); bad=$(get not200); errors=$(get errors)
    if [ "$(get requests)" = 0 ]; then
      echo "$name at $conns connections: no answer within ${secs} s"
      rows+=("| $name | $conns | 0 (no answer within ${secs} s) | 0 % | – | – | – |"); continue
    fi
    [ "$bad" = 0 ] || fail "$name at $conns connections: $bad responses not 200 (numbers discarded)"
    # Socket errors are timeouts (> 10 s) or refused connections: reported beside the numbers, never hidden.
    [ "$errors" = 0 ] || r="$r ($errors socket errors)"
    [ "$name" = baseline ] && rps[$conns]=$r
    ratio=$(awk -v a="$r" -v b="${rps[$conns]}" 'BEGIN { printf "%.0f %%", 100 * a / b }')
    printf '%-26s c=%-3s %8s req/s  %6s of baseline  p50 %6s  p95 %6s  p99 %6s ms\n' "$name" "$conns" "$r" "$ratio" "$(get p50)" "$(get p95)" "$(get p99)"
    rows+=("| $name | $conns | $r | $ratio | $(get p50) | $(get p95) | $(get p99) |")
  done
done

# Start-up: measured by bench/serve.sh when it started this very process (process start → login page 200).
startup="not measured (the app was not started with bench/serve.sh)"
if [ -f .serve ] && [ "$(sed -n 's/^pid=//p' .serve)" = "$pid" ]; then
  startup="$(sed -n 's/^startup=//p' .serve) s from process start to the login page answering (bench/serve.sh)"
fi
hwm=$(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status")
rss=$(awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status")
commit=$(git -C .. rev-parse --short HEAD 2>/dev/null || echo unknown)
machine="$(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average before the run $load_before"
report=$(
  echo
  echo "### bench/run.sh, $(date -u '+%d.%m.%Y %H:%M') UTC, commit $commit, $provider"
  echo
  echo "Machine: $machine. wrk -t2, ${secs} s per run after a ${warmup} s warm-up. Server peak RSS (VmHWM) $hwm, RSS at the end $rss. Start-up: $startup."
  echo
  echo "| page | conns | req/s | of baseline | p50 ms | p95 ms | p99 ms |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
)
echo "$report"
[ -n "${NO_APPEND:-}" ] || { echo "$report" >> ../docs/performance.md; echo "(appended to docs/performance.md)"; }
