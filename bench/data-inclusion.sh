#!/usr/bin/env bash
# data·inclusion export and import at national scale (docs/benchmarks.md, decision 0026):
#   1. the synthetic catalogue (bench generate: 20,000 structures, 50,000 programmes, 60,000 places) in SQLite;
#   2. export-data-inclusion --dossier: the six files (structures and services × JSON, CSV, GeoJSON), time per file
#      printed by the verb, peak memory of the process by /usr/bin/time;
#   3. import-data-inclusion of structures.json + services.json into a fresh migrated database: time and peak memory.
# Everything goes under $BENCH_DIR (default /tmp/raccroche-bench-di), never in the repository. Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/raccroche-bench-di}
BENCH_SEED=${BENCH_SEED:-42}
mkdir -p "$BENCH_DIR"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production Database__Provider=Sqlite
export Mail__DossierDepot="$BENCH_DIR/mail"
# BENCH_TOOL / BENCH_WEB: already built assemblies (e.g. bench/Raccroche.Bench/bin/Release/net10.0/Raccroche.Bench.dll after
# `dotnet build Raccroche.slnx -c Release`); otherwise both are built under $BENCH_DIR.
BENCH=${BENCH_TOOL:-$BENCH_DIR/artifacts/bin/Raccroche.Bench/release/Raccroche.Bench.dll}
WEB=${BENCH_WEB:-$BENCH_DIR/artifacts/bin/Raccroche.Web/release/Raccroche.Web.dll}
if [ -z "${BENCH_TOOL:-}" ] || [ -z "${BENCH_WEB:-}" ]; then
  dotnet build bench/Raccroche.Bench -c Release -nologo -v q --artifacts-path "$BENCH_DIR/artifacts" >/dev/null
  dotnet build src/Raccroche.Web -c Release -nologo -v q --artifacts-path "$BENCH_DIR/artifacts" >/dev/null
fi
[ -f "$BENCH_DIR/bench.db" ] || dotnet "$BENCH" generate --out "$BENCH_DIR/bench.db" --seed "$BENCH_SEED"

echo "== export"
rm -rf "$BENCH_DIR/export"
ConnectionStrings__Raccroche="Data Source=$BENCH_DIR/bench.db" \
  /usr/bin/time -f "export: %e s, peak RSS %M KB" dotnet "$WEB" export-data-inclusion --dossier "$BENCH_DIR/export"
ls -l "$BENCH_DIR/export"

echo "== import back (fresh database)"
rm -f "$BENCH_DIR/import.db"*
ConnectionStrings__Raccroche="Data Source=$BENCH_DIR/import.db" dotnet "$WEB" migrate >/dev/null
ConnectionStrings__Raccroche="Data Source=$BENCH_DIR/import.db" \
  /usr/bin/time -f "import: %e s, peak RSS %M KB" dotnet "$WEB" import-data-inclusion --rapport "$BENCH_DIR/rapport.json" \
  "$BENCH_DIR/export/structures.json" "$BENCH_DIR/export/services.json" | head -5
