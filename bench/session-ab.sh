#!/usr/bin/env bash
# A/B of what a logged-in request costs on two running builds (e.g. before and after a change to the session
# check): the baseline page (/Baseline/Fortunes) anonymous and with a session cookie on each, in interleaved
# rounds, so the cookie's share of the baseline can be compared between the builds. Starts nothing: run both
# apps first with --Bench:Baseline=true (and, outside HTTPS, --Security:SecureCookies=false).
#   A=http://127.0.0.1:5098 B=http://127.0.0.1:5099 bench/session-ab.sh
set -euo pipefail
cd "$(dirname "$0")"
a=${A:?A=base url of build A}; b=${B:?B=base url of build B}; email=${EMAIL:-skoleeier@nordvik.test}
secs=${SECS:-8}; conns=${CONNS:-16}; rounds=${ROUNDS:-3}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
ca=$(./login.sh "$a" "$email"); cb=$(./login.sh "$b" "$email")
for u in "$a" "$b"; do wrk -t2 -c"$conns" -d4s "$u/Baseline/Fortunes" >/dev/null; done
declare -A sum
run() { wrk -t2 -c"$conns" -d"${secs}s" ${2:+-H "Cookie: $2"} "$1/Baseline/Fortunes" | awk '/Requests\/sec/ {print $2}'; }
echo "A=$a B=$b, $conns connections, ${secs}s a run, $rounds rounds; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
  sum[aa]=$(echo "${sum[aa]:-0} + $(run "$a")" | bc -l); sum[ac]=$(echo "${sum[ac]:-0} + $(run "$a" "$ca")" | bc -l)
  sum[ba]=$(echo "${sum[ba]:-0} + $(run "$b")" | bc -l); sum[bc]=$(echo "${sum[bc]:-0} + $(run "$b" "$cb")" | bc -l)
done
printf '| build | anonymous req/s | with session cookie req/s | cookie ÷ anonymous |\n|---|---|---|---|\n'
for x in a b; do
  an=$(echo "${sum[${x}a]} / $rounds" | bc -l); co=$(echo "${sum[${x}c]} / $rounds" | bc -l)
  printf '| %s | %.0f | %.0f | %.1f %% |\n' "$x" "$an" "$co" "$(echo "100 * $co / $an" | bc -l)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
