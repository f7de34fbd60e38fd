#!/usr/bin/env bash
# Issue 21's aggregation goal: 3,000 respondents × 60 statements (180,000 answers) with suppression, grouped in SQL,
# under 150 ms on SQLite and PostgreSQL. Runs the test project's benchmark (skipped in the normal suite) and prints its
# RESULT lines. PostgreSQL runs when STILLAS_TEST_PG is set (. /tmp/pgenv or ./test.sh's server).
set -euo pipefail
cd "$(dirname "$0")/.."
filter="FullyQualifiedName~SurveyAggregationBenchmarkOnSqlite"
[ -n "${STILLAS_TEST_PG:-}" ] && filter="FullyQualifiedName~SurveyAggregationBenchmark"
STILLAS_BENCH=1 dotnet test tests/Stillas.Tests -c Release ${NO_BUILD:+--no-build} --filter "$filter" --logger "console;verbosity=detailed" 2>&1 | grep -E 'RESULT|Passed!|Failed!'
