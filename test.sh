#!/usr/bin/env bash
# Runs every check of the project on a fresh machine: installs what is missing (Debian's chromium,
# postgresql and jing, the RELAX NG validator of the Atom feed tests), starts a local PostgreSQL, checks formatting, builds with warnings as errors and runs
# all test suites (unit, integration on SQLite and PostgreSQL, browser). Prints "Tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. System packages -------------------------------------------------------------------------------
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/jing ] || missing+=(jing)
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing ${missing[*]} (Debian packages)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. PostgreSQL on 127.0.0.1:5432 with a test role ------------------------------------------------
if [ -z "${RACCROCHE_TEST_POSTGRES:-}" ]; then
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    log "Starting PostgreSQL"
    ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$ver main" || as_root pg_createcluster "$ver" main >/dev/null
    as_root pg_ctlcluster "$ver" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  if ! as_root su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='raccroche'\"" | grep -q 1; then
    as_root su postgres -c "psql -qc \"CREATE ROLE raccroche LOGIN SUPERUSER PASSWORD 'raccroche'\""
  fi
  export RACCROCHE_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=raccroche;Password=raccroche"
fi

# 3. Format, build, test --------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "Restoring"
dotnet tool restore >/dev/null
dotnet restore Raccroche.slnx >/dev/null

log "Checking formatting (dotnet format --verify-no-changes)"
dotnet format Raccroche.slnx --verify-no-changes --no-restore

log "Building (warnings are errors)"
dotnet build Raccroche.slnx -c Release --no-restore -warnaserror -nologo -v q

log "Running the test suites"
out=$(mktemp)
set +e
# One test project at a time (-m:1): the browser suite's pages timed out (30 s) on the 2 shared cores while the
# integration suite ran beside it; one after the other the whole run takes about 10 minutes.
# Every test host and app process writes its log to one file at the production levels, and the helpers note the
# young people's names, phones and e-mails they used beside it; once the suites are done, one test scans it all.
journal="$(mktemp -d)/journal-de-la-suite.log"
RACCROCHE_JOURNAL_SUITE="$journal" dotnet test Raccroche.slnx -c Release --no-build -m:1 --filter "Category!=JournalDeSuite" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
log "Scanning the logs of the whole run for personal data ($(wc -l < "$journal" 2>/dev/null || echo 0) lines)"
RACCROCHE_JOURNAL_SUITE="$journal" dotnet test tests/Raccroche.Tests -c Release --no-build --filter "Category=JournalDeSuite" 2>&1 | tee -a "$out"
scan=${PIPESTATUS[0]}
[ "$scan" -eq 0 ] || status=$scan
rm -rf "$(dirname "$journal")"
set -e

passed=$(grep -oE 'Passed: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
rm -f "$out"
echo
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
