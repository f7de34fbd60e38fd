#!/usr/bin/env bash
# Token against cookie (issue 18): the same API list read by one person with their browser cookie and with a
# personal API token (Authorization: Bearer), wrk at $CONNS connections; also the baseline page
# (/Baseline/Fortunes, anonymous) and an authenticated page, so the cost of the session check and the
# headers reads as a share of the baseline. Starts nothing: run Stillas first (bench/serve.sh, or the
# README's first command with --Bench:Baseline=true).
#   BASE=http://127.0.0.1:5099 EMAIL=skoleeier@nordvik.test bench/tokens.sh
set -euo pipefail
cd "$(dirname "$0")"
base=${BASE:-http://127.0.0.1:5080}; email=${EMAIL:-skoleeier@nordvik.test}; password=${PASSWORD:-Demo-passord-1}
secs=${SECS:-10}; conns=${CONNS:-16}; warmup=${WARMUP:-5}; path=${API_PATH:-/api/v1/schools?pageSize=20}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cookie=$(./login.sh "$base" "$email" "$password")
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
printf '%s\n' "$cookie" >/dev/null
form=$(curl -s -H "Cookie: $cookie" "$base/Account/Tokens")
af=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$form" | head -n 1)
expires=$(date -d '+30 days' +%Y-%m-%d)
page=$(curl -s -H "Cookie: $cookie" --data-urlencode "Input.Name=bench $(date +%s)" --data-urlencode "Input.ExpiresOn=$expires" \
  --data-urlencode "Input.Rights=ReadOnly" --data-urlencode "__RequestVerificationToken=$af" "$base/Account/Tokens?handler=Create")
token=$(grep -o 'stillas_[A-Za-z0-9_-]*' <<<"$page" | head -n 1)
[ -n "$token" ] || { echo "could not create a token (is $email able to log in?)" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base$path")" = 200 ] || { echo "the token is refused on $path" >&2; exit 1; }

run() { # name, url, header...
  local name=$1 url=$2; shift 2
  local args=(); for h in "$@"; do args+=(-H "$h"); done
  wrk -t2 -c"$conns" -d"${warmup}s" "${args[@]}" "$url" >/dev/null
  local out; out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency "${args[@]}" "$url")
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out"); non2xx=${non2xx:-0}
  printf '| %-32s | %9s | %8s | %8s | %6s |\n' "$name" "$rps" "$p50" "$p99" "$non2xx"
}
echo "Stillas at $base, $conns connections, ${secs}s per run after ${warmup}s warm-up; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| request                          |  req/s    |  p50     |  p99     | non-2xx |"
echo "|----------------------------------|-----------|----------|----------|--------|"
run "baseline /Baseline/Fortunes" "$base/Baseline/Fortunes"
run "baseline, with a session cookie" "$base/Baseline/Fortunes" "Cookie: $cookie"
run "baseline (again)" "$base/Baseline/Fortunes"
run "baseline, session cookie (again)" "$base/Baseline/Fortunes" "Cookie: $cookie"
run "API list, cookie" "$base$path" "Cookie: $cookie"
run "API list, bearer token" "$base$path" "Authorization: Bearer $token"
run "API list, cookie (again)" "$base$path" "Cookie: $cookie"
run "API list, bearer token (again)" "$base$path" "Authorization: Bearer $token"
