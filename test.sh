#!/usr/bin/env bash
# Sargable's one test command: restore, build everything with warnings as errors, run every test project
# (against a private PostgreSQL unless SARGABLE_PG names a server), print the totals.
set -euo pipefail
cd "$(dirname "$0")"

configuration="${CONFIGURATION:-Release}"
results="$(mktemp -d "${TMPDIR:-/tmp}/sargable-tests.XXXXXX")"
trap 'rm -rf "$results"' EXIT

dotnet restore QueryGuard.sln
dotnet build QueryGuard.sln --no-restore -c "$configuration" -warnaserror

status=0
dotnet test QueryGuard.sln --no-build -c "$configuration" \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" || status=$?

# Sum the counters of every test run (one .trx per test project).
read -r total passed failed skipped < <(
  cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*' | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] } }
    END { printf "%d %d %d %d\n", c["total"], c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"], c["notExecuted"] }')
projects=$(ls "$results"/*.trx 2>/dev/null | wc -l)
echo
echo "Test projects run: $projects"
echo "$passed passed, $failed failed, $skipped skipped"

if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  echo "Tests FAILED." >&2
  exit 1
fi
if [ "$total" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
