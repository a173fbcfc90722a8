#!/usr/bin/env bash
# Backs up the Raccroche database, then deletes backups older than RACCROCHE_JOURS days. Writes, under
# RACCROCHE_SAUVEGARDES, for one run stamped BASE-YYYYMMDDTHHMMSSZ:
#   .dump                 pg_dump -Fc (custom format: pg_restore picks tables, restores in parallel)
#   .comptes              "table rows" for every table, counted in the dump's own snapshot (restauration.sh compares)
#   .ressources.tar.gz    the resources' PDF files, when RACCROCHE_RESSOURCES names their folder
# Connection: libpq's variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or PGPASSFILE); by default the local socket as the
# current user (postgres, from raccroche-sauvegarde.service). Exit 0 when every file is written and readable.
set -euo pipefail

base=${RACCROCHE_BASE:-raccroche}
dossier=${RACCROCHE_SAUVEGARDES:-/var/backups/raccroche}
jours=${RACCROCHE_JOURS:-14}
ressources=${RACCROCHE_RESSOURCES:-}

echec() { echo "sauvegarde.sh: $*" >&2; exit 1; }
[[ $base =~ ^[a-z_][a-z0-9_]*$ ]] || echec "RACCROCHE_BASE '$base' is not a plain database name"
[[ $jours =~ ^[0-9]+$ && $jours -ge 1 ]] || echec "RACCROCHE_JOURS '$jours' must be a number of days (1 or more)"
umask 077
mkdir -p "$dossier"

nom="$dossier/$base-$(date -u +%Y%m%dT%H%M%SZ)"
trap 'rm -f "$nom.dump.partiel" "$nom.comptes.partiel" "$nom.ressources.tar.gz.partiel"' EXIT

# The row count of every table, as one "table rows" line each (query_to_xml runs one count per table).
COMPTES="SELECT table_name || ' ' || (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I',
  table_schema, table_name), false, true, '')))[1]::text FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name;"

# One session exports its snapshot and counts the rows in it; pg_dump then reads that same snapshot, so the counts
# describe exactly what is in the dump, however busy the database is meanwhile.
coproc SESSION { psql -XAtq -v ON_ERROR_STOP=1 -d "$base"; }
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot(); $COMPTES SELECT 'fin';" >&"${SESSION[1]}"
read -r -t 60 instantane <&"${SESSION[0]}" || echec "no snapshot from PostgreSQL (is database '$base' reachable?)"
while read -r -t 600 ligne <&"${SESSION[0]}" && [[ $ligne != fin ]]; do echo "$ligne"; done >"$nom.comptes.partiel"
[[ ${ligne:-} == fin ]] || echec "counting the rows failed"

pg_dump --format=custom --snapshot="$instantane" --dbname="$base" --file="$nom.dump.partiel"
printf 'COMMIT;\n\\q\n' >&"${SESSION[1]}"
wait "$SESSION_PID" || true

pg_restore --list "$nom.dump.partiel" >/dev/null || echec "the dump just written cannot be read by pg_restore"
mv "$nom.dump.partiel" "$nom.dump"
mv "$nom.comptes.partiel" "$nom.comptes"

if [[ -n $ressources ]]; then
  [[ -d $ressources ]] || echec "RACCROCHE_RESSOURCES '$ressources' is not a folder"
  tar -czf "$nom.ressources.tar.gz.partiel" -C "$ressources" .
  mv "$nom.ressources.tar.gz.partiel" "$nom.ressources.tar.gz"
fi

# Rotation: every file of this database's backups older than the period (the one just written is never among them).
find "$dossier" -maxdepth 1 -type f -name "$base-*" -mmin +$((jours * 24 * 60)) -print -delete | sed 's/^/deleted: /'

lignes=$(awk '{ s += $2 } END { print s + 0 }' "$nom.comptes")
echo "Backup written: $nom.dump ($(du -h "$nom.dump" | cut -f1), $(wc -l <"$nom.comptes") tables, $lignes rows)"
