#!/usr/bin/env bash
# Pages in nynorsk and English against bokmål (issue 19): the same key pages read by one logged-in person with
# the language cookie set to nb, nn and en, in interleaved rounds (nb, nn, en, nb, nn, en …) so that drift of a
# loaded machine falls on all three alike; prints req/s per page and language and each language's share of
# bokmål's. Starts nothing: run Stillas first (bench/serve.sh, or the README's first command).
#   BASE=http://127.0.0.1:5099 bench/languages.sh
set -euo pipefail
cd "$(dirname "$0")"
base=${BASE:-http://127.0.0.1:5080}; email=${EMAIL:-veileder@nordvik.test}; password=${PASSWORD:-Demo-passord-1}
secs=${SECS:-8}; conns=${CONNS:-8}; warmup=${WARMUP:-4}; rounds=${ROUNDS:-3}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cookie=$(./login.sh "$base" "$email" "$password")
programme=$(curl -s -H "Cookie: $cookie" "$base/Programmes" | grep -o 'href="/Programmes/Details/[0-9]*"' | head -n 1 | grep -o '[0-9]*' || true)
pages=("/" "/Schools" "/Programmes")
[ -n "$programme" ] && pages+=("/Programmes/Details/$programme" "/Programmes/Sessions/$programme")
for p in "${pages[@]}"; do
  for l in nb nn en; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie; stillas-lang=$l" "$base$p")
    [ "$code" = 200 ] || { echo "$p in $l answered $code" >&2; exit 1; }
  done
done
declare -A sum
echo "Stillas at $base as $email, $conns connections, ${secs}s per run after ${warmup}s warm-up, $rounds rounds; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for p in "${pages[@]}"; do wrk -t2 -c"$conns" -d"${warmup}s" -H "Cookie: $cookie" "$base$p" >/dev/null; done
for r in $(seq "$rounds"); do
  for p in "${pages[@]}"; do
    for l in nb nn en; do
      rps=$(wrk -t2 -c"$conns" -d"${secs}s" -H "Cookie: $cookie; stillas-lang=$l" "$base$p" | awk '/Requests\/sec/ {print $2}')
      sum["$p|$l"]=$(echo "${sum["$p|$l"]:-0} + $rps" | bc -l)
    done
  done
done
echo "| page | nb req/s | nn req/s | en req/s | nn/nb | en/nb |"
echo "|---|---|---|---|---|---|"
for p in "${pages[@]}"; do
  nb=$(echo "${sum["$p|nb"]} / $rounds" | bc -l); nn=$(echo "${sum["$p|nn"]} / $rounds" | bc -l); en=$(echo "${sum["$p|en"]} / $rounds" | bc -l)
  printf '| %s | %.0f | %.0f | %.0f | %.1f %% | %.1f %% |\n' "$p" "$nb" "$nn" "$en" "$(echo "100 * $nn / $nb" | bc -l)" "$(echo "100 * $en / $nb" | bc -l)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
