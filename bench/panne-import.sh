#!/usr/bin/env bash
# kill -9 during a 100,000-row SIEI import (issue 14, fault runs): the app's own import-siei verb runs as a process on a
# fresh PostgreSQL database; it is killed with SIGKILL once it reports its writing phase; then nothing of that import
# may be in the database (no case file, no livraison), and the same import run again must succeed and write every row.
# Not part of the test suite. Prints the counts; exit 0 when both hold. Figures go to docs/reliability.md.
#
# Environment (all optional):
#   BENCH_DIR  work folder (/tmp/raccroche-panne)      BENCH_PG  PostgreSQL server (Host=127.0.0.1;Port=5432;Username=raccroche;Password=raccroche)
#   BENCH_N    rows (100000)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/raccroche-panne}
BENCH_PG=${BENCH_PG:-"Host=127.0.0.1;Port=5432;Username=raccroche;Password=raccroche"}
BENCH_N=${BENCH_N:-100000}
BASE=raccroche_bench_panne
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$BENCH_DIR"

log() { printf '\n== %s\n' "$*"; }
psql_() { PGPASSWORD=raccroche psql -h 127.0.0.1 -U raccroche -d "$1" -tAc "$2"; }

log "building the app and the bench tool (into $BENCH_DIR)"
[[ -f "$BENCH_DIR/app/Raccroche.Web.dll" && -z "${BENCH_REPUBLIER:-}" ]] || dotnet publish src/Raccroche.Web -c Release -o "$BENCH_DIR/app" -nologo -v q
dotnet build bench/Raccroche.Bench -c Release -nologo -v q --artifacts-path "$BENCH_DIR/artifacts"
BENCH="$BENCH_DIR/artifacts/bin/Raccroche.Bench/release/Raccroche.Bench.dll"

log "a fresh database $BASE, migrated and seeded by the app"
psql_ postgres "DROP DATABASE IF EXISTS $BASE WITH (FORCE)" >/dev/null
psql_ postgres "CREATE DATABASE $BASE" >/dev/null
export ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres ConnectionStrings__Raccroche="$BENCH_PG;Database=$BASE" Mail__Host=127.0.0.1
app() { (cd "$BENCH_DIR/app" && dotnet Raccroche.Web.dll "$@"); }
app migrate >/dev/null
PSAD=$(app psad --liste | awk -F"\t" "NR==1 {print \$1}")
[[ -n "$PSAD" ]] || { echo "no PSAD in the database: the seed did not run"; exit 1; }
echo "PSAD: $PSAD"
dotnet "$BENCH" siei-csv --n "$BENCH_N" --out "$BENCH_DIR/liste.csv"

compter() { sleep 1; psql_ "$BASE" "SELECT (SELECT count(*) FROM \"JeunesSuivis\"), (SELECT count(*) FROM \"Livraisons\")"; }

log "import, killed with SIGKILL while its transaction is writing"
debut=$(date +%s.%N)
(cd "$BENCH_DIR/app" && exec dotnet Raccroche.Web.dll import-siei --psad "$PSAD" --mois 2026-11 "$BENCH_DIR/liste.csv" 2>"$BENCH_DIR/avancement.txt" >/dev/null) &
pid=$!
# A backend of this database holding a transaction id has written rows not yet committed: the import's write.
ecrit() { psql_ postgres "SELECT count(*) FROM pg_stat_activity WHERE datname = '$BASE' AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()"; }
until [[ "$(ecrit)" != "0" ]]; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the import ended before it was caught writing: nothing to kill"; cat "$BENCH_DIR/avancement.txt"; exit 1; fi
  sleep 0.1
done
sleep 0.5
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
printf 'killed after %.1f s, its transaction open; last progress: %s\n' "$(echo "$(date +%s.%N) - $debut" | bc)" "$(tail -n1 "$BENCH_DIR/avancement.txt")"
apres=$(compter)
echo "after the kill: case files | livraisons = $apres"

log "the same import again"
debut=$(date +%s.%N)
set +e
app import-siei --psad "$PSAD" --mois 2026-11 "$BENCH_DIR/liste.csv" 2>/dev/null | tail -n 4
code=${PIPESTATUS[0]}
set -e
echo "exit code: $code"
printf 'second import: %.1f s\n' "$(echo "$(date +%s.%N) - $debut" | bc)"
fin=$(compter)
echo "after the second import: case files | livraisons = $fin"

[[ "$apres" == "0|0" && "$code" == 0 && "$fin" == *"|1" && "${fin%|*}" -gt 0 ]] && { echo "OK: nothing of the killed import stayed; the second import succeeded (${fin%|*} case files from $BENCH_N rows)"; exit 0; }
echo "FAILED"; exit 1
