#!/usr/bin/env bash
# Starts the built app (Release) on a national dataset for bench/run.sh, times it from process start to the
# login page answering (200), and leaves it running. bench/run.sh reports that time beside its table.
#   bench/serve.sh sqlite /tmp/nat/sqlite.db
#   bench/serve.sh postgres "Host=127.0.0.1;Port=55433;Username=stillas;Database=stillas_national"
# Optional: PORT (default 5080), FILES (the file store; default a folder beside the SQLite file, or a new
# temporary one). Stop it with: kill "$(sed -n 's/^pid=//p' bench/.serve)"
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "bench/serve.sh: $*" >&2; exit 1; }
[ $# = 2 ] || fail "usage: bench/serve.sh sqlite FILE | bench/serve.sh postgres CONNECTION-STRING"
provider=$1; target=$2; port=${PORT:-5080}
dll=src/Stillas.Web/bin/Release/net10.0/Stillas.Web.dll
[ -f "$dll" ] || fail "no Release build at $dll: run 'dotnet build src/Stillas.Web -c Release' first"
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then fail "something already answers on port $port: stop it, or set PORT"; fi
case $provider in
  sqlite) [ -f "$target" ] || fail "no database at $target: fill one with 'generate' (docs/performance.md)"
          files=${FILES:-$(dirname "$(realpath "$target")")/files}
          db=(--Database:Provider=Sqlite "--Database:ConnectionString=Data Source=$(realpath "$target")") ;;
  postgres) files=${FILES:-$(mktemp -d)}
          db=(--Database:Provider=Postgres "--Database:ConnectionString=$target;Maximum Pool Size=64") ;;
  *) fail "provider must be sqlite or postgres, not '$provider'" ;;
esac
log=bench/.serve.log
# Plain http on loopback: Secure-only cookies and the https requirement (TransportSecurity) are turned off here only.
start=$(date +%s.%N)
(cd src/Stillas.Web && exec setsid dotnet "bin/Release/net10.0/Stillas.Web.dll" --urls "http://127.0.0.1:$port" "${db[@]}" \
   --Files:Root="$files" --Bench:Baseline=true --Logging:LogLevel:Default=Warning --Security:SecureCookies=false) >"$log" 2>&1 </dev/null &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/Account/Login")" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; fail "the app stopped before the login page answered (log: $log)"; }
  [ "$(echo "$(date +%s.%N) - $start > 180" | bc)" = 0 ] || { kill "$pid"; fail "the login page did not answer within 180 s (log: $log)"; }
  sleep 0.02
done
seconds=$(echo "$(date +%s.%N) - $start" | bc | awk '{ printf "%.2f", $1 }')
# The login form answers while the database is still being checked; the benchmark needs all pages.
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; fail "the app stopped before it was ready (log: $log)"; }
  sleep 0.05
done
ready=$(echo "$(date +%s.%N) - $start" | bc | awk '{ printf "%.2f", $1 }')
printf 'pid=%s\nprovider=%s\nstartup=%s\nready=%s\n' "$pid" "$provider" "$seconds" "$ready" > bench/.serve
echo "Stillas ($provider) answers on http://127.0.0.1:$port: login page after $seconds s from process start, ready after $ready s (pid $pid, log $log)."
