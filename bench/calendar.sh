#!/usr/bin/env bash
# wrk against a running Stillas: the calendar feed of a guide whose team runs $PROGRAMMES programmes (issue 20's
# goal: p95 < 30 ms for 10), with /health/ready in the same run as the baseline (the machine is shared: compare
# ratios). Expects Stillas on $BASE (default http://localhost:5080) with the demo data. It starts nothing itself,
# but it does write: as the owner's administrator it starts programmes for the guide's team at the owner's other
# schools until the team runs $PROGRAMMES, and it makes the guide a new feed address (the old one stops working).
#   BASE=http://127.0.0.1:5080 bench/calendar.sh [guide-email] [admin-email]
# Optional: CONNS (16), SECS (15), PROGRAMMES (10), TEAM (team name; default "Veilederteam 1").
set -euo pipefail
cd "$(dirname "$0")"
base=${BASE:-http://localhost:5080}; guide=${1:-uh@nordvik.test}; admin=${2:-skoleeier@nordvik.test}
conns=${CONNS:-16}; secs=${SECS:-15}; want=${PROGRAMMES:-10}; team_name=${TEAM:-Veilederteam 1}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
command -v jq >/dev/null || { echo "jq is missing: apt-get install jq"; exit 1; }
admin_cookie=$(./login.sh "$base" "$admin")
aget() { curl -sf -H "Cookie: $admin_cookie" "$base$1"; }

team=$(aget "/api/v1/teams?pageSize=100" | jq -r --arg n "$team_name" '(.items // .)[] | select(.name == $n) | .id' | head -n 1)
[ -n "$team" ] || { echo "no team named '$team_name': is this the demo data?"; exit 1; }
running() { aget "/api/v1/programmes?teamId=$team&status=Active&pageSize=100" | jq '(.items // .) | length'; }
have=$(running)
echo "team $team runs $have programmes; wanted $want"
if [ "$have" -lt "$want" ]; then
  busy=$(aget "/api/v1/programmes?pageSize=100" | jq -r '[(.items // .)[] | select(.status == "Active" or .status == 0) | .schoolId] | join(" ")')
  start=$(date -d "+14 days" +%Y-%m-%d)
  for school in $(aget "/api/v1/schools?pageSize=100" | jq -r '(.items // .)[].id'); do
    [ "$have" -ge "$want" ] && break
    case " $busy " in *" $school "*) continue ;; esac
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $admin_cookie" -H 'Content-Type: application/json' \
      -d "{\"schoolId\":$school,\"teamId\":$team,\"startDate\":\"$start\",\"model\":\"tromso:1\"}" "$base/api/v1/programmes")
    [ "$code" = 201 ] && have=$((have + 1))
  done
  echo "team $team now runs $(running) programmes"
fi

# The guide's feed: a new secret address, read from the calendar page (shown once).
jar=$(mktemp)
cookie=$(./login.sh "$base" "$guide")
token=$(curl -s -H "Cookie: $cookie" "$base/Programmes/Calendar" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -o /dev/null -c "$jar" -H "Cookie: $cookie" --data-urlencode "__RequestVerificationToken=$token" "$base/Programmes/Calendar?handler=Create"
tempdata=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 { printf "; %s=%s", $6, $7 }')
rm -f "$jar"
feed=$(curl -s -H "Cookie: $cookie$tempdata" "$base/Programmes/Calendar" | sed -n 's/.*id="feed-url"[^>]*value="\([^"]*\.ics\)".*/\1/p' | head -n 1)
[ -n "$feed" ] || { echo "could not read the feed address from /Programmes/Calendar"; exit 1; }
path="/${feed#*://*/}"
events=$(curl -s "$base$path" | grep -c '^BEGIN:VEVENT' || true)
echo "feed of $guide: $events events, $(curl -s "$base$path" | wc -c) bytes; $conns connections, ${secs}s; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

run() {
  local name=$1 path=$2; shift 2
  for _ in 1 2 3; do curl -s -o /dev/null "$@" "$base$path"; done
  printf '%-22s ' "$name"
  wrk -t2 -c"$conns" -d"${secs}s" -s report.lua "$@" "$base$path" | grep RESULT
}
run "baseline /health/ready" "/health/ready"
run "calendar feed" "$path"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
