#!/usr/bin/env bash
# Stops the local topology of demarrer.sh: SIGTERM to every recorded process (nginx first, so that no new request
# reaches an instance that is stopping; the SMTP sink last, so that the outbox's current batch is delivered), then
# waits for each to exit (the instances get their graceful-stop delay, 30 s, and a margin), SIGKILL after that.
# The database, the published app and the logs stay (demarrer.sh starts afresh on a new database).
set -euo pipefail
ici=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=deploy/local/reglages.sh
. "$ici/reglages.sh"

[[ -d $pids ]] || { echo "Nothing to stop ($pids does not exist)."; exit 0; }
ordre=(nginx)
for f in "$pids"/instance-*.pid; do [[ -e $f ]] && ordre+=("$(basename "$f" .pid)"); done
ordre+=(smtp)

arreter() { # NAME: SIGTERM, wait up to 45 s, then SIGKILL.
  local nom=$1 pid i
  [[ -f $pids/$nom.pid ]] || return 0
  pid=$(cat "$pids/$nom.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for ((i = 0; i < 90; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$nom ($pid) still runs 45 s after SIGTERM: SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "stopped $nom ($pid)"
  fi
  rm -f "$pids/$nom.pid"
}

# nginx first, alone; then the instances together (each finishes its in-flight work meanwhile); the sink last.
arreter nginx
for nom in "${ordre[@]}"; do [[ $nom == instance-* ]] && { arreter "$nom" & }; done
wait
arreter smtp
echo "Local topology stopped (logs kept in $logs)."
