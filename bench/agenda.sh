#!/usr/bin/env bash
# "Lag dagsorden" (issue 20: generating an agenda under 20 ms): wrk against a running Stillas, as the guide.
# Measures the session page (GET) and the same page with the agenda drafted (POST ?handler=DraftAgenda) at
# 1 connection (the time of one request) and at $CONNS; the drafting's own cost is the difference of the two.
# Expects Stillas on $BASE (default http://localhost:5080) with the demo data: Sentrum skole's programme,
# session 5 opening on session 4's interim work (feedback awaited, a loop round under way). Starts nothing itself.
#   BASE=http://127.0.0.1:5080 bench/agenda.sh [email]
# Optional: CONNS (16), SECS (10 per run), SESSION (number; default 5).
set -euo pipefail
cd "$(dirname "$0")"
base=${BASE:-http://localhost:5080}; email=${1:-veileder@nordvik.test}; conns=${CONNS:-16}; secs=${SECS:-10}; number=${SESSION:-5}
fail() { echo "bench/agenda.sh: $*" >&2; exit 1; }
command -v wrk >/dev/null || fail "wrk is missing: apt-get install wrk"
command -v jq >/dev/null || fail "jq is missing: apt-get install jq"
cookie=$(./login.sh "$base" "$email")
get() { curl -sf -H "Cookie: $cookie" "$base$1"; }
programme=${PROGRAMME:-}
if [ -z "$programme" ]; then
  for id in $(get "/api/v1/programmes?pageSize=100" | jq -r '.items[].id'); do
    if get "/api/v1/programmes/$id/sessions" | jq -e "map(select(.number == 4 and .isDone)) | length > 0" >/dev/null 2>&1; then programme=$id; break; fi
  done
fi
[ -n "$programme" ] || fail "no programme with session 4 held: is this the demo data?"
session=$(get "/api/v1/programmes/$programme/sessions" | jq -r ".[] | select(.number == $number) | .id")
page="/Programmes/Sessions/Session/$session"
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
html=$(curl -s -c "$jar" -H "Cookie: $cookie" "$base$page")
token=$(sed -n '/name="__RequestVerificationToken"/{s/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p;q}' <<<"$html")
[ -n "$token" ] || fail "no antiforgery token on $page"
af=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 && $6 ~ /Antiforgery/ { printf "%s=%s", $6, $7 }')
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie; $af" --data-urlencode "__RequestVerificationToken=$token" "$base$page?handler=DraftAgenda")
[ "$code" = 200 ] || fail "Lag dagsorden answered $code"
echo "programme $programme, session $number = id $session; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for c in 1 "$conns"; do
  printf '%-34s ' "session page, c=$c"
  wrk -t1 -c"$c" -d"${secs}s" -s report.lua -H "Cookie: $cookie" "$base$page" | grep RESULT
  printf '%-34s ' "session page + Lag dagsorden, c=$c"
  wrk -t1 -c"$c" -d"${secs}s" -s agenda.lua -H "Cookie: $cookie; $af" "$base$page?handler=DraftAgenda" -- "$token" | grep RESULT
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
