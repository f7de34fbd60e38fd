#!/usr/bin/env bash
# Runs every test of Stillas: unit, HTTP (SQLite and PostgreSQL) and browser tests.
# As root it installs what the tests need (Debian chromium, postgresql, fonts); otherwise it says what is missing.
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
fc-list 2>/dev/null | grep -i dejavu >/dev/null || need+=(fonts-dejavu-core)  # not grep -q: with pipefail its early exit SIGPIPEs fc-list
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need[*]} ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null || { echo "apt-get install ${need[*]} failed"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "Missing: ${need[*]}. Install them (sudo apt-get install ${need[*]}) or run ./test.sh as root."
    echo "0 passed, 1 failed"; exit 1
  fi
fi

# A throw-away PostgreSQL 15 on 127.0.0.1, owned by the postgres user (it refuses to run as root).
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgport=${STILLAS_PG_PORT:-55432}
pgdir=$(mktemp -d /tmp/stillas-pg.XXXXXX)
pguser=postgres
id -u postgres >/dev/null 2>&1 || pguser=$(id -un)
chown "$pguser" "$pgdir"
asuser() { if [ "$(id -un)" = "$pguser" ]; then "$@"; else su "$pguser" -s /bin/sh -c "$(printf '%q ' "$@")"; fi; }
asuser "$pgbin/initdb" -D "$pgdir/data" -U stillas --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 || { cat "$pgdir/initdb.log"; echo "0 passed, 1 failed"; exit 1; }
asuser "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null || { cat "$pgdir/server.log"; echo "0 passed, 1 failed"; exit 1; }
stop_pg() { asuser "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pgdir"; }
trap stop_pg EXIT
export STILLAS_TEST_PG="Host=127.0.0.1;Port=$pgport;Username=stillas;Database=postgres;Pooling=true;Maximum Pool Size=40"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! dotnet build Stillas.slnx -c Release -nologo -v q 2>&1 | tail -n 30 | tee "$results/build.log" | grep -q "Build succeeded"; then
  cat "$results/build.log"; echo "0 passed, 1 failed"; exit 1
fi

status=0
for proj in tests/*/; do
  name=$(basename "$proj")
  [ -f "$proj/$name.csproj" ] || continue
  echo "== $name"
  dotnet test "$proj" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" -v q 2>&1 | grep -vE '^\s*$' | tail -n 40
  [ "${PIPESTATUS[0]}" = 0 ] || status=1
done

# The README's first command, as a newcomer runs it: a Debug build (as `dotnet run` builds it), then
# `dotnet run`, `dotnet run --no-build` and the built app, each on an empty data folder, until the login
# page answers (bench/startup.sh; its times are in the log, docs/performance.md says what they mean).
echo "== README's first command (bench/startup.sh 1)"
if timeout 900 bench/startup.sh 1 2>&1 | tail -n 40; [ "${PIPESTATUS[0]}" = 0 ]; then startup_ok=1; else startup_ok=0; status=1; fi

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  c=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$c" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$c" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$startup_ok" = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
[ "$status" != 0 ] && [ "$failed" = 0 ] && failed=1
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
