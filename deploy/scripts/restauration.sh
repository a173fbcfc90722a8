#!/usr/bin/env bash
# Restores a backup of sauvegarde.sh into a NEW database, then checks it:
#   1. the row count of every table equals the one counted in the dump's snapshot (the .comptes file beside it);
#   2. the app's verb verifier-journal walks the audit trail's hash chain in the restored database.
# Usage: restauration.sh FILE.dump DATABASE
# The roles the dump names (the tables' owner, raccroche_app, raccroche_purge) must exist on the server: create
# them first when restoring elsewhere (deploy/README.md). Connection: libpq's variables (PGHOST, PGPORT, PGUSER,
# PGPASSWORD), by default the local socket as the current user; the same for the verb (Npgsql connection string).
# RACCROCHE_APP: the app's folder (Raccroche.Web, or Raccroche.Web.dll run with dotnet), /opt/raccroche/courante by
# default. RACCROCHE_PROPRIETAIRE: owner of the new database (optional). Exit 0 only when both checks pass.
set -euo pipefail

echec() { echo "restauration.sh: $*" >&2; exit 1; }
[[ $# -eq 2 ]] || { echo "Usage: restauration.sh FILE.dump DATABASE" >&2; exit 2; }
dump=$1 cible=$2
app=${RACCROCHE_APP:-/opt/raccroche/courante}
[[ -f $dump ]] || echec "no file $dump"
[[ $cible =~ ^[a-z_][a-z0-9_]*$ ]] || echec "'$cible' is not a plain database name (lowercase letters, digits, _)"
[[ -x $app/Raccroche.Web || -f $app/Raccroche.Web.dll ]] || echec "no Raccroche.Web in RACCROCHE_APP=$app"
if [[ $(psql -XAtq -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$cible'") != 0 ]]; then
  echec "database $cible exists already: restore into a new name (then rename it, see deploy/README.md)"
fi

COMPTES="SELECT table_name || ' ' || (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I',
  table_schema, table_name), false, true, '')))[1]::text FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name;"

echo "== Restoring $dump into $cible"
createdb ${RACCROCHE_PROPRIETAIRE:+--owner="$RACCROCHE_PROPRIETAIRE"} "$cible"
pg_restore --exit-on-error --jobs="${RACCROCHE_TACHES:-2}" --dbname="$cible" "$dump"

echo "== Rows per table"
comptes=${dump%.dump}.comptes
psql -XAtq -v ON_ERROR_STOP=1 -d "$cible" -c "$COMPTES" >"${TMPDIR:-/tmp}/restauration-$cible.comptes"
restaures="${TMPDIR:-/tmp}/restauration-$cible.comptes"
if [[ -f $comptes ]]; then
  if ! diff "$comptes" "$restaures" >&2; then
    rm -f "$restaures"
    echec "row counts differ from the dump's ($comptes, left; restored, right)"
  fi
  echo "$(wc -l <"$restaures") tables, $(awk '{ s += $2 } END { print s + 0 }' "$restaures") rows: as in $comptes"
else
  echo "no $comptes beside the dump: counts printed, not compared" >&2
  cat "$restaures"
fi
rm -f "$restaures"

echo "== Audit trail (verifier-journal)"
connexion="Host=${PGHOST:-/var/run/postgresql};Port=${PGPORT:-5432};Database=$cible;Username=${PGUSER:-$(id -un)}"
[[ -n ${PGPASSWORD:-} ]] && connexion+=";Password=$PGPASSWORD"
[[ -n ${PGPASSFILE:-} ]] && connexion+=";Passfile=$PGPASSFILE"
verbe=("$app/Raccroche.Web")
[[ -x $app/Raccroche.Web ]] || verbe=(dotnet "$app/Raccroche.Web.dll")
(
  cd "$app"
  # Only what the verb needs; the instances' settings (SMTP, certificate) are not read by it.
  env -i PATH="$PATH" HOME="${TMPDIR:-/tmp}" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
    ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    Database__Provider=Postgres ConnectionStrings__Raccroche="$connexion" \
    "${verbe[@]}" verifier-journal
) || echec "verifier-journal found the audit trail broken (or could not run) in $cible"

echo "Restored and verified: $cible"
