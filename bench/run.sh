#!/usr/bin/env bash
# Reproduces every figure of docs/benchmarks.md with one command:
#   generate → search (in process) → match (orientation, in process) → postgres (if a server
#   answers) → the app: results-page weight (page), then HTTP with wrk (http).
# Everything it writes goes under $BENCH_DIR (default /tmp/raccroche-bench), never in the repository;
# the bench tool builds into $BENCH_DIR/artifacts so that it does not touch src/*/bin.
# Not part of the test suite. Takes 16 to 20 minutes on 2 cores, 10 of them the memory phase (BENCH_MEMOIRE=0 skips it).
#
# Environment (all optional):
#   BENCH_DIR    work folder                    (/tmp/raccroche-bench)
#   BENCH_SEED   catalogue seed                 (42)
#   BENCH_PG     PostgreSQL connection string   (Host=127.0.0.1;Port=5432;Username=raccroche;Password=raccroche)
#   BENCH_PORT   port of the app under wrk      (5099)
#   BENCH_WRK    wrk duration                   (20s)
#   BENCH_MEMOIRE  duration of the varied load after which the app's resident memory is read (600s; 0: no such phase)
#   BENCH_SKIP   space-separated steps to skip  (e.g. "postgres http"; steps: search match postgres page http memoire)
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-/tmp/raccroche-bench}
BENCH_SEED=${BENCH_SEED:-42}
BENCH_PG=${BENCH_PG:-"Host=127.0.0.1;Port=5432;Username=raccroche;Password=raccroche"}
BENCH_PORT=${BENCH_PORT:-5099}
BENCH_WRK=${BENCH_WRK:-20s}
BENCH_MEMOIRE=${BENCH_MEMOIRE:-600s}
BENCH_SKIP=${BENCH_SKIP:-}
DB="$BENCH_DIR/bench.db"
URLS="$BENCH_DIR/urls.txt"
BENCH="$BENCH_DIR/artifacts/bin/Raccroche.Bench/release/Raccroche.Bench.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$BENCH_DIR"

log() { printf '\n== %s\n' "$*"; }
# CPU ticks (USER_HZ = 100) of the whole machine, busy only, and of one process.
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
# wrk with the CPU it, the app and everything else used meanwhile: both share the same cores.
wrk_cpu() {
  local b0 a0 t0 b1 a1 t1 w
  b0=$(busy); a0=$(ticks "$app"); t0=$(date +%s.%N)
  { TIMEFORMAT='%U %S'; time wrk "$@"; } 2>"$BENCH_DIR/wrk-time.txt"
  b1=$(busy); a1=$(ticks "$app"); t1=$(date +%s.%N)
  w=$(tail -n 1 "$BENCH_DIR/wrk-time.txt" | awk '{print $1 + $2}')
  awk -v b=$((b1 - b0)) -v a=$((a1 - a0)) -v w="$w" -v t0="$t0" -v t1="$t1" 'BEGIN {
    e = t1 - t0
    printf "CPU in cores over %.1f s: machine %.2f = app %.2f + wrk %.2f + other processes %.2f\n", e, b / 100 / e, a / 100 / e, w / e, (b / 100 - a / 100 - w) / e }'
}
skip() { [[ " $BENCH_SKIP " == *" $1 "* ]]; }
# Resident memory of the app (VmRSS) and its peak (VmHWM), in MB.
memoire() { awk '/^VmRSS/{r=$2} /^VmHWM/{h=$2} END {printf "app resident memory: %.0f MB (peak so far %.0f MB)\n", r/1024, h/1024}' "/proc/$app/status"; }
charge() { echo "uptime: $(uptime)"; }

log "Machine"
date -Is
echo "nproc: $(nproc)"
free -h | sed -n 1,2p
charge
dotnet --version
echo "code: commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(git status --porcelain -- src 2>/dev/null | wc -l) changed file(s) under src/"

log "Build (Release, into $BENCH_DIR/artifacts)"
dotnet build bench/Raccroche.Bench/Raccroche.Bench.csproj -c Release --artifacts-path "$BENCH_DIR/artifacts" -nologo -v q

log "generate --out $DB --seed $BENCH_SEED"
dotnet "$BENCH" generate --out "$DB" --seed "$BENCH_SEED"

if ! skip search; then
  log "search (in process)"
  charge
  dotnet "$BENCH" search --db "$DB"
fi

if ! skip match; then
  log "match (orientation matcher, in process)"
  charge
  dotnet "$BENCH" match --db "$DB"
fi

if ! skip postgres; then
  host=$(sed -nE 's/.*Host=([^;]+).*/\1/p' <<<"$BENCH_PG"); host=${host:-127.0.0.1}
  port=$(sed -nE 's/.*Port=([^;]+).*/\1/p' <<<"$BENCH_PG"); port=${port:-5432}
  if pg_isready -q -h "$host" -p "$port" 2>/dev/null; then
    log "postgres ($host:$port, database raccroche_bench is dropped and recreated)"
    charge
    dotnet "$BENCH" postgres --db "$DB" --pg "$BENCH_PG"
  else
    log "postgres: no server on $host:$port, step skipped (start it with: pg_ctlcluster 15 main start)"
  fi
fi

if ! skip http || ! skip page || ! skip memoire; then
  log "The app on the synthetic database, port $BENCH_PORT"
  dotnet "$BENCH" urls --db "$DB" --out "$URLS"
  dotnet "$BENCH" page-urls --db "$DB" --out "$BENCH_DIR/page-urls.txt"
  # The app as built above (the bench references it), started from its dll: what production runs, so that the
  # start-up time is the app's own and not also an msbuild check. Development environment: no certificate to set up.
  APP_DLL="$BENCH_DIR/artifacts/bin/Raccroche.Web/release/Raccroche.Web.dll"
  debut=$(date +%s.%N)
  ASPNETCORE_URLS="http://127.0.0.1:$BENCH_PORT" ASPNETCORE_ENVIRONMENT=Development Database__Provider=Sqlite \
    ConnectionStrings__Raccroche="Data Source=$DB" Database__MigrateOnStartup=false \
    setsid dotnet "$APP_DLL" --contentRoot "$PWD/src/Raccroche.Web" >"$BENCH_DIR/server.log" 2>&1 &
  server=$!
  app=$server
  trap 'kill -TERM -- -"$server" 2>/dev/null || true' EXIT
  base="http://127.0.0.1:$BENCH_PORT"
  for i in $(seq 1 2400); do
    curl -fs -o /dev/null "$base/api/v1/communes/69123" && break
    if ! kill -0 "$server" 2>/dev/null; then
      cat "$BENCH_DIR/server.log"; echo "The app did not start."; exit 1
    fi
    sleep 0.1
  done
  grep -h "index built" "$BENCH_DIR/server.log" || true
  awk -v d="$debut" -v f="$(date +%s.%N)" 'BEGIN {printf "App answering %.1f s after its process started (target 15 s)\n", f - d}'
  memoire
  hot="$base/api/v1/dispositifs?q=cuisine&code_commune=69123&rayon_km=30&age=19&niveau=sans-diplome"
  curl -fs -D - -o /dev/null "$hot" | grep -iE '^(HTTP|etag|cache-control|content-length)' || true
fi

if ! skip page; then
  log "page: weight of the orientation results page ($(wc -l <"$BENCH_DIR/page-urls.txt") profiles)"
  bench/page/weight.sh "$base" "$BENCH_DIR/page-urls.txt" "$BENCH_DIR/page"
fi

if ! skip http; then

  log "wrk warm-up (5 s, not reported)"
  wrk -t2 -c64 -d5s -s bench/wrk/varied.lua "$base" -- "$URLS" >/dev/null

  log "wrk, one hot query (server and wrk share the $(nproc) cores)"
  charge
  wrk_cpu -t2 -c64 -d"$BENCH_WRK" --latency "$hot"

  log "wrk, varied queries (bench/wrk/varied.lua over $(wc -l <"$URLS") parameter sets)"
  charge
  wrk_cpu -t2 -c64 -d"$BENCH_WRK" -s bench/wrk/varied.lua "$base" -- "$URLS"
  charge

  log "wrk, no criterion at all: the API and the search page as first opened (10 s each)"
  wrk_cpu -t2 -c16 -d10s --latency "$base/api/v1/dispositifs"
  wrk_cpu -t2 -c16 -d10s --latency "$base/recherche"
  charge
  memoire
fi

if ! skip memoire && [ "$BENCH_MEMOIRE" != "0" ] && [ "$BENCH_MEMOIRE" != "0s" ]; then
  log "memoire: varied load for $BENCH_MEMOIRE, then the app's resident memory (target 400 MB)"
  wrk -t2 -c64 -d"$BENCH_MEMOIRE" -s bench/wrk/varied.lua "$base" -- "$URLS" | grep -E 'Requests/sec|requests in'
  memoire
fi

log "Done"
