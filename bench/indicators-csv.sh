#!/usr/bin/env bash
# Issue 21, part 10: a 50,000-line Udir-style CSV (Elevundersøkelsen, Windows-1252, decimal commas, '*' and '-'
# cells) for Nordvik's schools, previewed through the import page (goal: < 5 s), timed 3 times. Expects Stillas on
# $BASE with the demo data. Starts nothing itself; writes the file to ${FILE:-/tmp/indicators-50000.csv}.
#   BASE=http://127.0.0.1:5080 bench/indicators-csv.sh
set -euo pipefail
cd "$(dirname "$0")"
base=${BASE:-http://localhost:5080}; lines=${LINES:-50000}; file=${FILE:-/tmp/indicators-50000.csv}
command -v jq >/dev/null || { echo "jq is missing: apt-get install jq"; exit 1; }
command -v iconv >/dev/null || { echo "iconv is missing"; exit 1; }
cookie=$(./login.sh "$base" skoleeier@nordvik.test)
owner=$(curl -sf -H "Cookie: $cookie" "$base/api/v1/owners" | jq -r '(.items // .) | map(select(.name == "Nordvik kommune")) | .[0].id')
orgs=$(curl -sf -H "Cookie: $cookie" "$base/api/v1/schools?pageSize=100" | jq -r '(.items // .) | map(select(.ownerId == '"$owner"')) | .[].organisationNumber' | tr '\n' ' ')
# Every school × 5 indicators × 10 trinn × 3 genders × as many school years as it takes to reach the line count.
awk -v lines="$lines" -v orgs="$orgs" 'BEGIN {
  n = split(orgs, org, " "); split("Trivsel|Mobbing|Støtte fra lærerne|Mestring|Trivsel på skolen", ind, "|"); split("Alle|Gutter|Jenter", g, "|")
  print "Organisasjonsnummer;Enhetsnavn;Skoleår;Indikator;Trinn;Kjønn;Verdi;Antall"
  i = 0
  for (y = 1990; i < lines; y++) for (s = 1; s <= n && i < lines; s++) for (k = 1; k <= 4 && i < lines; k++) for (t = 1; t <= 10 && i < lines; t++) for (x = 1; x <= 3 && i < lines; x++) {
    v = (i % 37 == 0) ? "*" : (i % 41 == 0) ? "-" : sprintf("%d,%d", 3 + i % 2, i % 10)
    printf "%s;Skole %d;%d-%02d;%s;%d. trinn;%s;%s;1 %03d\n", org[s], s, y, (y + 1) % 100, ind[k], t, g[x], v, i % 1000
    i++
  }
}' | iconv -f UTF-8 -t WINDOWS-1252 > "$file"
echo "$(wc -l < "$file") lines, $(du -h "$file" | cut -f1), owner $owner; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
jar=$(mktemp); printf '%s\n' "$cookie" >/dev/null
for run in 1 2 3; do
  page=$(curl -s -H "Cookie: $cookie" "$base/Indicators/Import?owner=$owner")
  token=$(printf '%s' "$page" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
  out=$(mktemp)
  curl -s -o "$out" -w "preview run $run: %{http_code} in %{time_total} s\n" -H "Cookie: $cookie" \
    -F "__RequestVerificationToken=$token" -F "Owner=$owner" -F "Kind=PupilSurvey" -F "Upload=@$file;type=text/csv" \
    "$base/Indicators/Import?handler=Preview"
  grep -o '[0-9 ]* linjer: [^<]*' "$out" | head -n 1 || true
  rm -f "$out"
done
rm -f "$jar"
