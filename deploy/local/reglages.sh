# shellcheck shell=bash disable=SC2034
# Settings of the local topology, sourced by demarrer.sh, arreter.sh and verifier.sh. Each may be set beforehand.
RACCROCHE_LOCAL=${RACCROCHE_LOCAL:-/tmp/raccroche-local}           # everything the topology writes
RACCROCHE_LOCAL_BASE=${RACCROCHE_LOCAL_BASE:-raccroche_local}       # database (dropped and created again at a start)
RACCROCHE_LOCAL_INSTANCES=${RACCROCHE_LOCAL_INSTANCES:-2}           # number of app instances
RACCROCHE_LOCAL_PORT=${RACCROCHE_LOCAL_PORT:-5101}                  # first instance's port; the others follow
RACCROCHE_LOCAL_HTTPS=${RACCROCHE_LOCAL_HTTPS:-8443}                # nginx, TLS (self-signed)
RACCROCHE_LOCAL_HTTP=${RACCROCHE_LOCAL_HTTP:-8080}                  # nginx, plain HTTP
RACCROCHE_LOCAL_SMTP=${RACCROCHE_LOCAL_SMTP:-2525}                  # the SMTP sink
# The PostgreSQL administrator that creates the database and its roles (libpq's variables; the test role by default).
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-raccroche} PGPASSWORD=${PGPASSWORD:-raccroche}

pids=$RACCROCHE_LOCAL/pids
logs=$RACCROCHE_LOCAL/logs

echec() { echo "$(basename "$0"): $*" >&2; exit 1; }
# vivant NAME: the process recorded in pids/NAME.pid runs.
vivant() { [[ -f $pids/$1.pid ]] && kill -0 "$(cat "$pids/$1.pid")" 2>/dev/null; }
ports_instances() { local i; for ((i = 0; i < RACCROCHE_LOCAL_INSTANCES; i++)); do echo $((RACCROCHE_LOCAL_PORT + i)); done; }
