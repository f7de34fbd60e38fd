#!/usr/bin/env bash
# Time from `dotnet run` on an empty data folder to the login page answering (SQLite), N runs.
# The project is built once first; each run then measures `dotnet run` (restore and up-to-date build
# check, start; the login page answers while migrations and the demo seed still run), `dotnet run
# --no-build`, and the built app started directly (the app's own share, without the SDK's).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}; port=${PORT:-5090}
dotnet build src/Stillas.Web -v q -nologo >/dev/null
measure() {
  local args=$1 dir; dir=$(mktemp -d)
  local start; start=$(date +%s.%N)
  if [ "$args" = direct ]; then
    (cd src/Stillas.Web && ASPNETCORE_ENVIRONMENT=Development exec bin/Debug/net10.0/Stillas.Web --urls "http://127.0.0.1:$port" \
      --Database:ConnectionString="Data Source=$dir/stillas.db" --Files:Root="$dir/files") >"$dir/log" 2>&1 &
  else
    dotnet run --project src/Stillas.Web $args --no-launch-profile -- --urls "http://127.0.0.1:$port" --environment Development \
      --Database:ConnectionString="Data Source=$dir/stillas.db" --Files:Root="$dir/files" >"$dir/log" 2>&1 &
  fi
  local pid=$!
  until curl -s -o /dev/null -f "http://127.0.0.1:$port/Account/Login"; do
    if ! kill -0 $pid 2>/dev/null || [ "$(echo "$(date +%s.%N) - $start > 120" | bc)" = 1 ]; then
      echo "bench/startup.sh: the login page did not answer (mode '$args'); the app's log:" >&2; tail -n 40 "$dir/log" >&2
      kill $pid 2>/dev/null; rm -rf "$dir"; exit 1
    fi
    sleep 0.05
  done
  local end; end=$(date +%s.%N)
  kill $pid; wait $pid 2>/dev/null || true
  pkill -f "Stillas.Web.*--urls http://127.0.0.1:$port" 2>/dev/null || true
  rm -rf "$dir"
  echo "$end - $start" | bc
}
for mode in "" "--no-build" direct; do
  times=()
  for i in $(seq "$runs"); do t=$(measure "$mode") || exit 1; times+=("$t"); done
  label="dotnet run $mode"; [ "$mode" = direct ] && label="bin/Debug apphost"
  printf '%-22s runs=%s seconds: %s\n' "$label" "$runs" "${times[*]}"
done
