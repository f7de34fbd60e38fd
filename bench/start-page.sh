#!/usr/bin/env bash
# wrk against a running Stillas: one user's start page at 16 connections (issue 3's goal: p95 < 50 ms).
# Expects Stillas on $BASE (default http://localhost:5080) with the demo data. Starts nothing itself.
set -euo pipefail
cd "$(dirname "$0")"
base=${BASE:-http://localhost:5080}; email=${1:-veileder@nordvik.test}; conns=${CONNS:-16}; secs=${SECS:-20}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
cookie=$(./login.sh "$base" "$email")
curl -s -o /dev/null -w 'warm-up %{http_code}\n' -H "Cookie: $cookie" "$base/"
wrk -t2 -c"$conns" -d"${secs}s" -s report.lua -H "Cookie: $cookie" "$base/" | grep RESULT
