#!/usr/bin/env bash
# CPU time the app process spends per request (user+system, from /proc), which a busy machine
# distorts far less than wall-clock latency. Usage: bench/cpu-per-request.sh PID URL [N] [cookie]
set -euo pipefail
pid=$1; url=$2; n=${3:-300}; cookie=${4:-}
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
for _ in $(seq 1 20); do curl -s -o /dev/null -H "Cookie: $cookie" "$url"; done   # warm
before=$(ticks)
codes=$(for _ in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{http_code}\n' -H "Cookie: $cookie" "$url"; done | sort | uniq -c | tr '\n' ' ')
after=$(ticks)
awk -v t=$((after - before)) -v hz="$hz" -v n="$n" -v c="$codes" 'BEGIN { printf "%.2f ms CPU per request over %d requests (status: %s)\n", 1000 * t / hz / n, n, c }'
