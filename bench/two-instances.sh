#!/usr/bin/env bash
# Two Stillas processes (Development: the demo logins) on one PostgreSQL database (issue 7, part 5): starts both at once (both migrate;
# EF Core serialises that with a lock), seeds the demo data through the first, logs in on instance A and
# opens the start page on instance B with the same cookie (data-protection keys live in the database),
# then asks B for a password mail and checks exactly one mail file appears. Stops the two processes it
# started, and only those.
#   PG="Host=127.0.0.1;Port=55433;Username=stillas;Database=stillas_two" bench/two-instances.sh
# Expects a built Release app (dotnet build src/Stillas.Web -c Release) and a reachable PostgreSQL; the
# database is created if missing. Ports: PORT_A (5481), PORT_B (5482).
set -euo pipefail
cd "$(dirname "$0")/.."
pg=${PG:?set PG to a PostgreSQL connection string, e.g. Host=127.0.0.1;Port=55433;Username=stillas;Database=stillas_two}
a=${PORT_A:-5481}; b=${PORT_B:-5482}
dll=src/Stillas.Web/bin/Release/net10.0/Stillas.Web.dll
[ -f "$dll" ] || { echo "build first: dotnet build src/Stillas.Web -c Release" >&2; exit 1; }
work=$(mktemp -d); mkdir -p "$work/mail"; pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap stop EXIT
start() {
  (cd src/Stillas.Web && ASPNETCORE_ENVIRONMENT=Development exec dotnet bin/Release/net10.0/Stillas.Web.dll --urls "http://127.0.0.1:$1" \
    --Database:Provider=Postgres --Database:ConnectionString="$pg" --Database:SeedDemoData="$2" \
    --Mail:PickupDirectory="$work/mail" --Mail:PollInterval=00:00:00.500 --Logging:LogLevel:Default=Warning) >"$work/$1.log" 2>&1 &
  pids+=($!)
}
echo "Starting instance A on :$a and instance B on :$b against one PostgreSQL database (logs in $work)."
start "$a" true; start "$b" false
for port in "$a" "$b"; do
  for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && break; sleep 0.5; done
  curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" || { echo "instance on :$port did not start:" >&2; tail "$work/$port.log" >&2; exit 1; }
done
echo "both answer /health/ready (migrations applied once, by whichever got the lock first)"
cookie=$(bench/login.sh "http://127.0.0.1:$a" veileder@nordvik.test) || true
[ -n "${cookie:-}" ] || { echo "login on A failed" >&2; exit 1; }
page=$(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$b/")
grep -q 'Hei, Ola Veileder' <<<"$page" && echo "logged in on A, start page on B: OK (shared data-protection keys)" || { echo "B does not accept A's login" >&2; exit 1; }
before=$(find "$work/mail" -name '*.eml' 2>/dev/null | wc -l)
jar=$(mktemp)
token=$(curl -s -c "$jar" "http://127.0.0.1:$b/Account/ForgotPassword" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -o /dev/null -b "$jar" --data-urlencode "Email=veileder@nordvik.test" --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$b/Account/ForgotPassword"
for _ in $(seq 40); do [ "$(find "$work/mail" -name '*.eml' 2>/dev/null | wc -l)" -gt "$before" ] && break; sleep 0.25; done
sleep 2  # both dispatchers poll every 0.5 s: give a duplicate the chance to appear
after=$(find "$work/mail" -name '*.eml' 2>/dev/null | wc -l)
echo "password mail asked for on B: $((after - before)) mail written by the two dispatchers (expected 1)"
[ $((after - before)) = 1 ]
