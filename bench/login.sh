#!/usr/bin/env bash
# Logs in through the real form and prints the Cookie header value for wrk/curl.
# Usage: bench/login.sh http://localhost:5080 veileder@nordvik.test [password]
set -euo pipefail
base=$1; email=$2; password=${3:-Demo-passord-1}
jar=$(mktemp)
token=$(curl -s -c "$jar" "$base/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login")
[ "$code" = 302 ] || { echo "login as $email failed ($code)" >&2; exit 1; }
sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }'
rm -f "$jar"
