#!/usr/bin/env bash
# Load and fault run of issue 14 (figures in docs/reliability.md): the local production topology (deploy/local: 2
# instances behind nginx on one PostgreSQL), 200 clients for 60 s of mixed traffic (bench tool verb 'charge': searches,
# sheets, diagnostic, contact requests), and meanwhile:
#   t = 20 s  kill -9 of the first instance (nginx moves traffic to the other; its leased jobs are taken over after the lease)
#   t = 40 s  PostgreSQL restarted (the instances recover without a restart)
# Then every acknowledged write is looked up in the database, the job leases are read (who holds them now), the killed
# instance is started again, and the report goes to $BENCH_DIR/charge.json. Not part of the test suite.
#
# Environment (all optional): BENCH_DIR (/tmp/raccroche-charge), BENCH_CONNEXIONS (200), BENCH_DUREE (60),
# BENCH_PANNES (1: inject the faults; 0: a clean run), BENCH_PG_SERVICE (15 main: the cluster pg_ctlcluster restarts).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/raccroche-charge}
BENCH_CONNEXIONS=${BENCH_CONNEXIONS:-200}
BENCH_DUREE=${BENCH_DUREE:-60}
BENCH_PANNES=${BENCH_PANNES:-1}
read -r -a cluster <<<"${BENCH_PG_SERVICE:-15 main}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$BENCH_DIR"
. deploy/local/reglages.sh
log() { printf '\n== %s  %s\n' "$(date +%T)" "$*"; }

# Every client comes through the one nginx from 127.0.0.1: the per-address limits would refuse a load run's posts.
export RateLimiting__FormulairesParFenetre=10000000 RateLimiting__OrientationParFenetre=10000000
log "topology (fresh)"
deploy/local/arreter.sh >/dev/null 2>&1 || true
deploy/local/demarrer.sh | tail -n 12

log "bench tool"
dotnet build bench/Raccroche.Bench -c Release -nologo -v q --artifacts-path "$BENCH_DIR/artifacts" | tail -n 2
BENCH="$BENCH_DIR/artifacts/bin/Raccroche.Bench/release/Raccroche.Bench.dll"
PG="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$RACCROCHE_LOCAL_BASE"
premiere=instance-$RACCROCHE_LOCAL_PORT

log "load: $BENCH_CONNEXIONS clients, $BENCH_DUREE s"
dotnet "$BENCH" charge --url "http://127.0.0.1:$RACCROCHE_LOCAL_HTTP" --connexions "$BENCH_CONNEXIONS" --duree "$BENCH_DUREE" \
  --pg "$PG" --rapport "$BENCH_DIR/charge.json" >"$BENCH_DIR/charge.txt" 2>&1 &
charge=$!
if [[ $BENCH_PANNES == 1 ]]; then
  sleep 20
  log "kill -9 $premiere (pid $(cat "$pids/$premiere.pid"))"
  kill -9 "$(cat "$pids/$premiere.pid")"
  psql -XAtq -d "$RACCROCHE_LOCAL_BASE" -c "SELECT \"Cle\", \"Titulaire\", \"Expiration\" FROM \"BauxTaches\" ORDER BY 1" >"$BENCH_DIR/baux-avant.txt"
  sleep 20
  log "PostgreSQL restart (${cluster[*]})"
  debut=$(date +%s.%N); pg_ctlcluster "${cluster[@]}" restart; printf 'restarted in %.1f s\n' "$(echo "$(date +%s.%N) - $debut" | bc)"
fi
set +e; wait "$charge"; code=$?; set -e
cat "$BENCH_DIR/charge.txt"

if [[ $BENCH_PANNES == 1 ]]; then
  log "job leases: when $premiere was killed, then now (its jobs must have another holder)"
  cat "$BENCH_DIR/baux-avant.txt"; echo "--"
  psql -XAtq -d "$RACCROCHE_LOCAL_BASE" -c "SELECT \"Cle\", \"Titulaire\", \"Expiration\", \"Passations\" FROM \"BauxTaches\" ORDER BY 1" | tee "$BENCH_DIR/baux-apres.txt"
  log "the killed instance started again"
  deploy/local/demarrer.sh | tail -n 3
fi
echo "report: $BENCH_DIR/charge.json (exit $code: 0 = no error and no lost write)"
exit "$code"
