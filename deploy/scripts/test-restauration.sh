#!/usr/bin/env bash
# Proves that the last backup restores: restores the newest BASE-*.dump of RACCROCHE_SAUVEGARDES into a scratch
# database (restauration.sh: row counts as in the dump, audit trail intact), then drops it, whatever happened.
# Fails too when that backup is older than RACCROCHE_AGE_MAX_HEURES (48). Same variables as sauvegarde.sh and
# restauration.sh. Exit 0 when the restore and both checks passed.
set -euo pipefail

base=${RACCROCHE_BASE:-raccroche}
dossier=${RACCROCHE_SAUVEGARDES:-/var/backups/raccroche}
ici=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

dernier=$(find "$dossier" -maxdepth 1 -type f -name "$base-*.dump" -printf '%T@ %p\n' 2>/dev/null | sort -n | tail -n 1 | cut -d' ' -f2-)
[[ -n $dernier ]] || { echo "test-restauration.sh: no $base-*.dump in $dossier" >&2; exit 1; }
age=$(( ($(date +%s) - $(stat -c %Y "$dernier")) / 3600 ))
echo "Last backup: $dernier (${age} h old)"
# A backup that stopped running is a failure too, even if the old one still restores.
if (( age > ${RACCROCHE_AGE_MAX_HEURES:-48} )); then
  echo "test-restauration.sh: the last backup is ${age} h old (over ${RACCROCHE_AGE_MAX_HEURES:-48} h): is the timer running?" >&2
  exit 1
fi

essai="${base}_essai_restauration"
supprimer() { PGOPTIONS="-c client_min_messages=warning" dropdb --if-exists "$essai"; }
supprimer
trap supprimer EXIT
"$ici/restauration.sh" "$dernier" "$essai"
echo "Restore test passed: $dernier"
