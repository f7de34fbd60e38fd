#!/usr/bin/env bash
# Issue 21's web goals at 16 connections: a closed survey's result page (stored counts; p95 < 50 ms) and submitting an
# answer through the open link (p95 < 30 ms). Expects Stillas on $BASE (default http://localhost:5080) with the demo
# data: Nordvik's skoleeieranalyse (closed) and Sentrum's open ståstedsanalyse. Starts nothing itself.
#   BASE=http://127.0.0.1:5080 bench/surveys-web.sh
# Every submit stores an answer in the demo's open survey (through the open link, which takes many).
set -euo pipefail
cd "$(dirname "$0")"
base=${BASE:-http://localhost:5080}; conns=${CONNS:-16}; secs=${SECS:-10}; warmup=${WARMUP:-5}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
command -v jq >/dev/null || { echo "jq is missing: apt-get install jq"; exit 1; }
curl -sf -o /dev/null "$base/health/ready" || { echo "Stillas is not answering on $base/health/ready: start it first."; exit 1; }

# The result page of the closed skoleeieranalyse, as the owner's administrator.
admin=$(./login.sh "$base" skoleeier@nordvik.test)
owner_survey=$(curl -s -H "Cookie: $admin" "$base/api/v1/surveys" | jq -r '.[] | select(.kind == 3 and .status == 3) | .id' | head -n 1)
[ -n "$owner_survey" ] || { echo "no closed skoleeieranalyse in the demo"; exit 1; }
wrk -t2 -c"$conns" -d"${warmup}s" -H "Cookie: $admin" "$base/Surveys/Results/$owner_survey" >/dev/null
echo "result page /Surveys/Results/$owner_survey:"
wrk -t2 -c"$conns" -d"${secs}s" -s report.lua -H "Cookie: $admin" "$base/Surveys/Results/$owner_survey" | grep RESULT

# The open link of Sentrum's ståstedsanalyse, from its page as the principal; then an anonymous answer sheet.
principal=$(./login.sh "$base" rektor.sentrum@nordvik.test)
self_survey=$(curl -s -H "Cookie: $principal" "$base/api/v1/surveys" | jq -r '.[] | select(.kind == 1 and .status == 2) | .id' | head -n 1)
link=$(curl -s -H "Cookie: $principal" "$base/Surveys/Details/$self_survey" | grep -o '/svar/[A-Za-z0-9_-]\{43\}' | head -n 1)
[ -n "$link" ] || { echo "no open link on /Surveys/Details/$self_survey"; exit 1; }
jar=$(mktemp)
page=$(curl -s -c "$jar" "$base$link")
token=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$page" | head -n 1)
cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }')
rm -f "$jar"
body="group=alle"
for item in $(grep -o 'name="v[0-9]*"' <<<"$page" | sort -u | grep -o '[0-9]*'); do body="$body&v$item=2"; done
body="$body&__RequestVerificationToken=$(jq -rn --arg t "$token" '$t|@uri')"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" -H 'Content-Type: application/x-www-form-urlencoded' --data "$body" "$base$link")
[ "$code" = 302 ] || { echo "a test answer was refused ($code)"; exit 1; }
lua=$(mktemp --suffix=.lua)
{ printf 'wrk.method = "POST"\nwrk.body = "%s"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n' "$body"; sed 's/if status ~= 200 then/if status ~= 302 then/' report.lua; } >"$lua"
wrk -t2 -c"$conns" -d"${warmup}s" -s "$lua" -H "Cookie: $cookie" "$base$link" >/dev/null
echo "answer submit POST $link (a redirect to the thanks page counts as success):"
wrk -t2 -c"$conns" -d"${secs}s" -s "$lua" -H "Cookie: $cookie" "$base$link" | grep RESULT
rm -f "$lua"
