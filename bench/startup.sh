#!/usr/bin/env bash
# Time from `dotnet run` on an empty data folder to the login page answering (SQLite), N runs.
# The project is built once first; each run then measures `dotnet run` (an up-to-date build check,
# start, migrations, demo seed) and `dotnet run --no-build`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}; port=${PORT:-5090}
dotnet build src/Stillas.Web -v q -nologo >/dev/null
measure() {
  local args=$1 dir; dir=$(mktemp -d)
  local start; start=$(date +%s.%N)
  dotnet run --project src/Stillas.Web $args --no-launch-profile -- --urls "http://127.0.0.1:$port" --environment Development \
    --Database:ConnectionString="Data Source=$dir/stillas.db" --Files:Root="$dir/files" >"$dir/log" 2>&1 &
  local pid=$!
  until curl -s -o /dev/null -f "http://127.0.0.1:$port/Account/Login"; do sleep 0.05; done
  local end; end=$(date +%s.%N)
  kill $pid; wait $pid 2>/dev/null || true
  pkill -f "Stillas.Web.*--urls http://127.0.0.1:$port" 2>/dev/null || true
  rm -rf "$dir"
  echo "$end - $start" | bc
}
for mode in "" "--no-build"; do
  times=()
  for i in $(seq "$runs"); do times+=("$(measure "$mode")"); done
  printf 'dotnet run %-10s runs=%s seconds: %s\n' "$mode" "$runs" "${times[*]}"
done
