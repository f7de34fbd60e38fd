#!/usr/bin/env bash
# Issue 5's speed goals against a RUNNING Stillas (starts nothing itself):
#   1. saving an assessment note at 16 connections, p95 < 30 ms: wrk + bench/note-save.lua, through the
#      API (JSON, cookie) and through the notes page's autosave handler (form, antiforgery token and cookie),
#      with /health/ready in the same run as the baseline (one database round trip, no login);
#   2. a 20-page assessment report as PDF, < 1 s: fills the report draft of the programme with long
#      sections through the API, then times GET .../assessment/report/pdf (median of RUNS after a warm-up)
#      and prints its page count.
# It WRITES: notes (one per client key, group "Elever 7. trinn (bench)") and the report draft's texts on
# the programme. Run it on a throw-away database with the demo data, e.g.
#   (cd src/Stillas.Web && dotnet bin/Release/net10.0/Stillas.Web.dll --urls http://127.0.0.1:5080 \
#      --Database:ConnectionString="Data Source=/tmp/bench/stillas.db" --Logging:LogLevel:Default=Warning) &
#   BASE=http://127.0.0.1:5080 bench/assessment.sh
# Options: BASE, EMAIL (a guide on the programme's team, default veileder@nordvik.test), PROGRAMME (found:
# the first of the guide's programmes whose report is not final), CONNS (16), SECS (15), RUNS (5).
set -euo pipefail
cd "$(dirname "$0")"
base=${BASE:-http://127.0.0.1:5080}; email=${EMAIL:-veileder@nordvik.test}; conns=${CONNS:-16}; secs=${SECS:-15}; runs=${RUNS:-5}
threads=2
fail() { echo "bench/assessment.sh: $*" >&2; exit 1; }
for tool in wrk jq curl; do command -v $tool >/dev/null || fail "$tool is missing: apt-get install $tool"; done
code=$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready" || true)
[ "$code" = 200 ] || fail "Stillas is not answering at $base/health/ready (got '$code'). Start it first."

cookie=$(./login.sh "$base" "$email") || fail "login as $email failed"
api() { curl -s -H "Cookie: $cookie" "$@"; }

programme=${PROGRAMME:-}
if [ -z "$programme" ]; then
  for id in $(api "$base/api/v1/programmes?pageSize=100" | jq -r '.items[].id'); do
    [ "$(api -o /dev/null -w '%{http_code}' "$base/api/v1/programmes/$id/assessment/notes")" = 200 ] || continue
    # Not started (404) or a draft (status 1 = Draft) will do; a final report takes no notes.
    report=$(api -w '\n%{http_code}' "$base/api/v1/programmes/$id/assessment/report")
    case "$(tail -n 1 <<<"$report")" in
      404) programme=$id; break ;;
      200) [ "$(head -n -1 <<<"$report" | jq -r '.status')" = 1 ] && { programme=$id; break; } ;;
    esac
  done
fi
[ -n "$programme" ] || fail "found no programme where $email is on the team and the report is not final: pass PROGRAMME=id"
echo "Stillas at $base, $email, programme $programme; load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# Eight keys a connection: a thread hands its keys out in turn, so two of its connections rarely save one note at
# the same moment (that would be a real edit conflict, answered 409 since the notes carry a concurrency token).
keys=(); for _ in $(seq 1 $((conns * 8))); do keys+=("$(cat /proc/sys/kernel/random/uuid)"); done
notes="/api/v1/programmes/$programme/assessment/notes"
# The autosave handler: the antiforgery cookie and the form's token, as the browser has them.
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
page=$(curl -s -c "$jar" -H "Cookie: $cookie" "$base/Programmes/Assessment/Notes/$programme")
# (sed quits at the first token itself: "| head -n 1" would SIGPIPE sed, and pipefail end the script.)
token=$(sed -n '/name="__RequestVerificationToken"/{s/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p;q}' <<<"$page")
[ -n "$token" ] || fail "no antiforgery token on the notes page of programme $programme"
af=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 && $6 ~ /Antiforgery/ { printf "%s=%s", $6, $7 }')
autosave="/Programmes/Assessment/Notes/$programme?handler=Autosave"

# Warm-up (and the first save of each key creates its note, so the measured runs update, as typing does).
WRK_THREADS=$threads wrk -t$threads -c"$conns" -d3s -s note-save.lua -H "Cookie: $cookie" "$base" -- api "$notes" "${keys[@]}" >/dev/null
WRK_THREADS=$threads wrk -t$threads -c"$conns" -d3s -s note-save.lua -H "Cookie: $cookie; $af" "$base" -- autosave "$autosave" "$token" "${keys[@]}" >/dev/null

# The app's CPU time per request (user+system from /proc) as well: a busy machine distorts it far less than latency.
port=${base##*:}; port=${port%%/*}
pid=${PID:-$( (ss -ltnpH "sport = :$port" 2>/dev/null || true) | sed -n '/pid=/{s/.*pid=\([0-9]*\).*/\1/p;q}')}
ticks() { if [ -n "$pid" ] && [ -r "/proc/$pid/stat" ]; then awk '{print $14 + $15}' "/proc/$pid/stat"; else echo 0; fi; }
hz=$(getconf CLK_TCK)
line() {
  local name=$1; shift
  local before result after
  before=$(ticks); result=$("$@" | grep RESULT); after=$(ticks)
  local n; n=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<<"$result")
  local cpu="cpu=?"; [ -n "$pid" ] && [ "${n:-0}" -gt 0 ] && cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$n" 'BEGIN { printf "cpu=%.2fms/req", 1000 * t / hz / n }')
  printf '%-38s %s %s\n' "$name" "$result" "$cpu"
  grep -q ' non2xx=0 ' <<<"$result" || fail "$name: answers that were not 2xx (see non2xx); the numbers are worthless"
}
line "baseline /health/ready" wrk -t$threads -c"$conns" -d"${secs}s" -s report.lua "$base/health/ready"
line "note save, API (POST JSON)" env WRK_THREADS=$threads wrk -t$threads -c"$conns" -d"${secs}s" -s note-save.lua -H "Cookie: $cookie" "$base" -- api "$notes" "${keys[@]}"
line "note save, autosave handler (form)" env WRK_THREADS=$threads wrk -t$threads -c"$conns" -d"${secs}s" -s note-save.lua -H "Cookie: $cookie; $af" "$base" -- autosave "$autosave" "$token" "${keys[@]}"
echo "goal: note save p95 < 30 ms at $conns connections"

# The report: started if need be, every section filled with long texts (a 20-page document), as a draft.
api -o /dev/null -X POST "$base/api/v1/programmes/$programme/assessment/report"
report=$(api "$base/api/v1/programmes/$programme/assessment/report")
[ "$(jq -r '.status' <<<"$report")" != "null" ] || fail "could not start the report of programme $programme"
para="Elevene leser med forståelse i alle fag, og lærerne planlegger lesingen sammen på trinnmøtene. Vi så at strategiene fra norsk ble brukt i naturfag og samfunnsfag, men sjeldnere i matematikk. Ledelsen følger opp med faste tider i SKUT, og FAU og elevrådet kjenner til arbeidet; æøå ÆØÅ."
long() { local out=""; while [ ${#out} -lt "$1" ]; do out+="$para "; done; printf '%s' "${out:0:$1}"; }
questions=$(for i in $(seq 1 25); do printf 'Hvordan ser dere at lesestrategiene brukes i fag nummer %d, og hva trenger lærerne for å øve mer?\n' "$i"; done)
for row in $(jq -c '.sections[] | {id, version, isSummary}' <<<"$report"); do
  id=$(jq -r .id <<<"$row"); version=$(jq -r .version <<<"$row"); summary=$(jq -r .isSummary <<<"$row")
  if [ "$summary" = true ]; then
    body=$(jq -n --arg f "$(long 12000)" --argjson v "$version" '{findings: $f, expectedVersion: $v}')
  else
    body=$(jq -n --arg f "$(long 16000)" --arg w "$(long 12000)" --arg d "$(long 12000)" --arg q "$questions" --argjson v "$version" \
      '{findings: $f, worksWell: $w, toDevelop: $d, questions: $q, expectedVersion: $v}')
  fi
  code=$(api -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' --data-binary "$body" "$base/api/v1/programmes/$programme/assessment/report/sections/$id")
  [ "$code" = 200 ] || fail "filling section $id answered $code (is the report final? pass another PROGRAMME)"
done
pdf="$base/api/v1/programmes/$programme/assessment/report/pdf"
file=$(mktemp --suffix=.pdf); trap 'rm -f "$jar" "$file"' EXIT
api -o "$file" "$pdf"   # warm-up: first rendering loads fonts and JITs the writer
pages=$( (command -v pdfinfo >/dev/null && pdfinfo "$file" 2>/dev/null | awk '/^Pages:/ {print $2}') || true)
[ -n "$pages" ] || pages=$(grep -ac '/Type */Page[^s]' "$file" || true)
times=$(for _ in $(seq 1 "$runs"); do api -o /dev/null -w '%{time_total}\n' "$pdf"; done | sort -n)
median=$(awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }' <<<"$times")
max=$(tail -n 1 <<<"$times")
printf 'report PDF (%s pages, %s bytes): median %.0f ms, max %.0f ms over %s runs (goal < 1000 ms for 20 pages)\n' \
  "$pages" "$(stat -c %s "$file")" "$(awk -v t="$median" 'BEGIN { print t * 1000 }')" "$(awk -v t="$max" 'BEGIN { print t * 1000 }')" "$runs"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
