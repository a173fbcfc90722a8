#!/usr/bin/env bash
# Starts the production topology on this machine, on loopback only, for tests and load runs: the app published once
# (Release) under $RACCROCHE_LOCAL, a fresh PostgreSQL database migrated and seeded by the tables' owner, the audit
# trail's roles (the app cannot change or delete audit lines, a purge role can delete them), N instances as background
# processes, an SMTP sink, and nginx (Debian's package) with the locations of deploy/nginx in front: TLS (self-signed)
# on one port, plain HTTP on another. Returns once /sante/pret answers 200 through nginx.
#
# Idempotent: with everything running it only prints where things are; with some processes gone (an instance killed
# by a fault run) it starts those again on the same database; with nothing running it starts afresh (new database).
# Settings: deploy/local/reglages.sh. Any ASP.NET setting exported beforehand (a name with "__", such as
# RateLimiting__FormulairesParFenetre=100000) goes to every instance, at a fresh start. RACCROCHE_LOCAL_COMME_PROD=1:
# secure cookies and plain HTTP redirected to HTTPS, as in production (by default plain HTTP serves the site, for
# load tools without TLS). Stop it with arreter.sh.
set -euo pipefail
ici=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
depot=$(cd "$ici/../.." && pwd)
# shellcheck source=deploy/local/reglages.sh
. "$ici/reglages.sh"

base=$RACCROCHE_LOCAL_BASE
app=$RACCROCHE_LOCAL/app
n=$RACCROCHE_LOCAL/nginx
[[ $base =~ ^[a-z_][a-z0-9_]{0,40}$ ]] || echec "RACCROCHE_LOCAL_BASE '$base' must be a plain name (lowercase letters, digits, _)"
[[ $RACCROCHE_LOCAL_INSTANCES =~ ^[1-9][0-9]?$ ]] || echec "RACCROCHE_LOCAL_INSTANCES must be a number from 1 to 99"
case $RACCROCHE_LOCAL in "$depot" | "$depot"/*) echec "RACCROCHE_LOCAL must be outside the repository" ;; esac
mapfile -t ports < <(ports_instances)
motdepasse="local-$base"   # loopback only
connexion() { echo "Host=$PGHOST;Port=$PGPORT;Database=$base;Username=$1;Password=$motdepasse"; }

# --- What is needed ---------------------------------------------------------------------------------------------
for outil in dotnet psql openssl curl python3 ss; do
  command -v "$outil" >/dev/null || echec "'$outil' is missing (apt-get install -y ${outil/ss/iproute2}; .NET 10 SDK for dotnet)"
done
if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
  echo "== Installing nginx (Debian package)"
  racine=(); [[ $(id -u) -eq 0 ]] || racine=(sudo)
  "${racine[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null ||
    { "${racine[@]}" apt-get update -qq && "${racine[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; } ||
    echec "could not install nginx (apt-get install -y nginx)"
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)
pg_isready -q || echec "PostgreSQL does not answer on $PGHOST:$PGPORT (start it: pg_ctlcluster 15 main start)"
psql -XAtq -d postgres -c "SELECT 1" >/dev/null || echec "cannot connect to PostgreSQL as $PGUSER (set PGUSER/PGPASSWORD to a role that may create databases and roles)"

port_libre() { [[ -z $(ss -Hltn "sport = :$1") ]] || echec "port $1 is taken by another program (ss -ltnp 'sport = :$1'); choose other ports (deploy/local/reglages.sh)"; }
# lancer NAME LOG COMMAND...: runs the command in its own session, in the background, and records its pid.
lancer() {
  local nom=$1 journal=$2; shift 2
  (exec setsid "$@" </dev/null >>"$journal" 2>&1) &
  echo $! >"$pids/$nom.pid"
}

composants=(smtp nginx); for p in "${ports[@]}"; do composants+=("instance-$p"); done
vivants=0; for c in "${composants[@]}"; do vivant "$c" && vivants=$((vivants + 1)); done
mkdir -p "$pids" "$logs"

if ((vivants == 0)); then
  # --- A fresh start: publish, database, roles, migration, certificates ------------------------------------------
  # A new run: new logs and a new count of delivered mails.
  rm -f "$pids"/*.pid "$logs"/*.log "$RACCROCHE_LOCAL/courriers/recus.txt"
  mkdir -p "$RACCROCHE_LOCAL/donnees/ressources" "$RACCROCHE_LOCAL/courriers" "$n/tmp" "$n/cache"

  # Published again when the last publish came from another checkout or other committed sources (the git trees of src
  # and the build props), or a source file changed since.
  source_app="$depot $(git -C "$depot" rev-parse HEAD:src HEAD:Directory.Build.props HEAD:Directory.Packages.props 2>/dev/null | tr '\n' ' ')"
  if [[ ! -f $app/.publie || $(cat "$app/.publie") != "$source_app" ]] || [[ -n $(find "$depot/src" \
      "$depot"/Directory.*.props -newer "$app/.publie" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print -quit) ]]; then
    echo "== Publishing the app (Release) into $app"
    echo "$source_app" >"$RACCROCHE_LOCAL/.publication"   # dated before the build: a file saved meanwhile counts
    rm -rf "$app"
    dotnet publish "$depot/src/Raccroche.Web/Raccroche.Web.csproj" -c Release -o "$app" \
      --artifacts-path "$RACCROCHE_LOCAL/build" -nologo -v q >"$logs/publication.log" 2>&1 ||
      { tail -n 30 "$logs/publication.log" >&2; echec "dotnet publish failed (log: $logs/publication.log)"; }
    mv "$RACCROCHE_LOCAL/.publication" "$app/.publie"
  fi

  echo "== Database $base (dropped and created again) and its roles"
  psql -XAtq -v ON_ERROR_STOP=1 -d postgres >/dev/null <<SQL
SET client_min_messages = warning;
DROP DATABASE IF EXISTS $base WITH (FORCE);
DO \$\$ DECLARE r text; BEGIN
  FOREACH r IN ARRAY ARRAY['${base}_proprietaire', '${base}_app', '${base}_purge'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN EXECUTE format('CREATE ROLE %I LOGIN', r); END IF;
    EXECUTE format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', r, '$motdepasse');
  END LOOP;
END \$\$;
CREATE DATABASE $base OWNER ${base}_proprietaire;
SQL

  echo "== Data Protection certificate and TLS certificate (self-signed)"
  if [[ ! -f $RACCROCHE_LOCAL/protection-cles.pfx ]]; then
    openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=Raccroche Data Protection (local)" \
      -keyout "$RACCROCHE_LOCAL/protection-cles.key" -out "$RACCROCHE_LOCAL/protection-cles.crt" 2>/dev/null
    openssl pkcs12 -export -inkey "$RACCROCHE_LOCAL/protection-cles.key" -in "$RACCROCHE_LOCAL/protection-cles.crt" \
      -passout "pass:$motdepasse" -out "$RACCROCHE_LOCAL/protection-cles.pfx"
    rm -f "$RACCROCHE_LOCAL/protection-cles.key" "$RACCROCHE_LOCAL/protection-cles.crt"
  fi
  if [[ ! -f $n/tls.crt ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=127.0.0.1" \
      -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$n/tls.key" -out "$n/tls.crt" 2>/dev/null
  fi

  # The instances' settings, in the format of /etc/raccroche/raccroche.env (deploy/systemd/raccroche.env.exemple).
  {
    echo "ASPNETCORE_ENVIRONMENT=Production"
    echo "Database__Provider=Postgres"
    echo "ConnectionStrings__Raccroche=$(connexion "${base}_app");Maximum Pool Size=40"
    echo "ConnectionStrings__RaccrochePurge=$(connexion "${base}_purge")"
    echo "Database__MigrateOnStartup=false"
    echo "App__UrlPublique=https://127.0.0.1:$RACCROCHE_LOCAL_HTTPS"
    echo "AllowedHosts=127.0.0.1;localhost"
    echo "Mandataire__Adresses=127.0.0.1"
    if [[ ${RACCROCHE_LOCAL_COMME_PROD:-0} == 1 ]]; then
      echo "Https__Port=$RACCROCHE_LOCAL_HTTPS"
    else
      echo "Securite__CookiesSecurises=false"
    fi
    echo "DataProtection__Certificat=$RACCROCHE_LOCAL/protection-cles.pfx"
    echo "DataProtection__MotDePasse=$motdepasse"
    echo "Ressources__Dossier=$RACCROCHE_LOCAL/donnees/ressources"
    echo "Mail__DossierDepot=$RACCROCHE_LOCAL/donnees/courriers"
    echo "Sms__DossierDepot=$RACCROCHE_LOCAL/donnees/sms"
    echo "Mail__Host=127.0.0.1"
    echo "Mail__Port=$RACCROCHE_LOCAL_SMTP"
    echo "Mail__Securite=None"
    echo "DOTNET_CLI_TELEMETRY_OPTOUT=1"
    echo "DOTNET_NOLOGO=1"
    # The caller's own settings (RateLimiting__…) last: they win.
    env | grep -E '^[A-Za-z][A-Za-z0-9_]*__[A-Za-z0-9_]+=' || true
  } >"$RACCROCHE_LOCAL/raccroche.env"

  # With the certificate, the migration also creates the Data Protection key that every instance then loads.
  echo "== Migration (as ${base}_proprietaire; grants for ${base}_app and ${base}_purge; the Data Protection key)"
  (cd "$app" && env -i PATH="$PATH" HOME="$RACCROCHE_LOCAL" ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1 \
    Database__Provider=Postgres ConnectionStrings__Raccroche="$(connexion "${base}_proprietaire")" \
    Database__RoleApplication="${base}_app" Database__RolePurge="${base}_purge" \
    DataProtection__Certificat="$RACCROCHE_LOCAL/protection-cles.pfx" DataProtection__MotDePasse="$motdepasse" \
    ./Raccroche.Web migrate) >"$logs/migration.log" 2>&1 ||
    { tail -n 30 "$logs/migration.log" >&2; echec "the migration failed (log: $logs/migration.log)"; }
  grep -v '^{' "$logs/migration.log" | tail -n 2
fi

# --- The processes (only those not running) ---------------------------------------------------------------------
if ! vivant smtp; then
  port_libre "$RACCROCHE_LOCAL_SMTP"
  echo "== SMTP sink on 127.0.0.1:$RACCROCHE_LOCAL_SMTP"
  lancer smtp "$logs/smtp.log" python3 -W ignore "$ici/puits-smtp.py" "$RACCROCHE_LOCAL_SMTP" "$RACCROCHE_LOCAL/courriers/recus.txt"
fi

for p in "${ports[@]}"; do
  vivant "instance-$p" && continue
  port_libre "$p"
  echo "== Instance on 127.0.0.1:$p"
  # Only the settings file (and PATH): an instance started again later gets exactly what the others have.
  (
    cd "$app"
    declare -a variables=(PATH="$PATH" HOME="$RACCROCHE_LOCAL" ASPNETCORE_URLS="http://127.0.0.1:$p")
    while IFS= read -r ligne; do [[ -n $ligne ]] && variables+=("$ligne"); done <"$RACCROCHE_LOCAL/raccroche.env"
    lancer "instance-$p" "$logs/instance-$p.log" env -i "${variables[@]}" ./Raccroche.Web
  )
done

if ! vivant nginx; then
  port_libre "$RACCROCHE_LOCAL_HTTPS"; port_libre "$RACCROCHE_LOCAL_HTTP"
  echo "== nginx on 127.0.0.1:$RACCROCHE_LOCAL_HTTPS (TLS) and 127.0.0.1:$RACCROCHE_LOCAL_HTTP"
  conf=$depot/deploy/nginx/raccroche.conf
  # raccroche.conf's http-level part (upstream, cache, maps, log format) with this machine's instances and paths,
  # then two server blocks that include the same locations as production.
  {
    echo "# Generated by deploy/local/demarrer.sh from deploy/nginx/raccroche.conf: edit those, not this."
    echo "worker_processes 1; daemon off; pid $n/nginx.pid; error_log $logs/nginx-error.log warn;"
    echo "events { worker_connections 4096; }"
    echo "http {"
    echo "  include /etc/nginx/mime.types; default_type application/octet-stream; sendfile on;"
    for t in client_body proxy fastcgi uwsgi scgi; do echo "  ${t}_temp_path $n/tmp/$t;"; done
    awk -v ports="${ports[*]}" -v cache="$n/cache" '
      profondeur == 0 && /^server[ \t]*\{/ { serveur = 1 }
      {
        ligne = $0
        if (!serveur && ligne !~ /^[ \t]*#/) {
          if (ligne ~ /^[ \t]*server[ \t]+[0-9.]+:[0-9]+/) {
            if (!fait++) {
              options = ligne; sub(/^[ \t]*server[ \t]+[^ \t]+/, "", options)
              k = split(ports, p, " "); for (i = 1; i <= k; i++) print "    server 127.0.0.1:" p[i] options
            }
          } else { sub("/var/cache/nginx/raccroche", cache, ligne); print ligne }
        }
        profondeur += gsub(/\{/, "{", $0) - gsub(/\}/, "}", $0)
        if (serveur && profondeur == 0) serveur = 0
      }' "$conf"
    echo "  server {"
    echo "    listen 127.0.0.1:$RACCROCHE_LOCAL_HTTPS ssl http2;"
    echo "    ssl_certificate $n/tls.crt; ssl_certificate_key $n/tls.key;"
    echo "    include $depot/deploy/nginx/raccroche-tls.conf;"
    echo "    access_log $logs/nginx-access.log raccroche;"
    echo "    include $depot/deploy/nginx/raccroche-emplacements.conf;"
    echo "  }"
    echo "  server {"
    echo "    listen 127.0.0.1:$RACCROCHE_LOCAL_HTTP;"
    echo "    access_log $logs/nginx-access.log raccroche;"
    echo "    include $depot/deploy/nginx/raccroche-emplacements.conf;"
    echo "  }"
    echo "}"
  } >"$n/nginx.conf"
  # Run as root, nginx's workers are "nobody": they write the temporary files and the cache.
  [[ $(id -u) -ne 0 ]] || chown -R nobody "$n/tmp" "$n/cache"
  "$nginx" -t -q -p "$n" -c "$n/nginx.conf" -e "$logs/nginx-error.log" ||
    echec "nginx refuses the generated configuration $n/nginx.conf (see the message above)"
  lancer nginx "$logs/nginx.log" "$nginx" -p "$n" -c "$n/nginx.conf" -e "$logs/nginx-error.log"
fi

# --- Ready? -----------------------------------------------------------------------------------------------------
attendre() { # NAME URL: until URL answers 200 (3 minutes at most), or the process NAME died.
  local i
  for ((i = 0; i < 360; i++)); do
    [[ $(curl -ks -o /dev/null -w '%{http_code}' --max-time 5 "$2") == 200 ]] && return 0
    vivant "$1" || { tail -n 20 "$logs/$1.log" >&2 2>/dev/null; echec "$1 stopped before $2 answered 200 (log: $logs/$1.log)"; }
    sleep 0.5
  done
  echec "$2 did not answer 200 within 3 minutes (log: $logs/$1.log)"
}
for p in "${ports[@]}"; do attendre "instance-$p" "http://127.0.0.1:$p/sante/pret"; done
attendre nginx "https://127.0.0.1:$RACCROCHE_LOCAL_HTTPS/sante/pret"
attendre nginx "http://127.0.0.1:$RACCROCHE_LOCAL_HTTP/sante/pret"

# What load runs and verifier.sh read (source it).
{
  echo "RACCROCHE_URL_HTTPS=https://127.0.0.1:$RACCROCHE_LOCAL_HTTPS"
  echo "RACCROCHE_URL_HTTP=http://127.0.0.1:$RACCROCHE_LOCAL_HTTP"
  echo "RACCROCHE_INSTANCES='$(for p in "${ports[@]}"; do printf 'http://127.0.0.1:%s ' "$p"; done | sed 's/ $//')'"
  echo "RACCROCHE_BASE=$base"
  echo "RACCROCHE_CONNEXION_APP='$(connexion "${base}_app")'"
  echo "RACCROCHE_CONNEXION_PROPRIETAIRE='$(connexion "${base}_proprietaire")'"
  echo "RACCROCHE_COURRIERS_RECUS=$RACCROCHE_LOCAL/courriers/recus.txt"
  echo "RACCROCHE_APP=$app"
} >"$RACCROCHE_LOCAL/topologie.env"

echo
echo "Raccroche runs (loopback only):"
echo "  https://127.0.0.1:$RACCROCHE_LOCAL_HTTPS/   (nginx, self-signed certificate: curl -k)"
echo "  http://127.0.0.1:$RACCROCHE_LOCAL_HTTP/    (nginx, plain HTTP)"
for p in "${ports[@]}"; do echo "  http://127.0.0.1:$p/    (instance $p, direct)"; done
echo "Database: $base on $PGHOST:$PGPORT (roles ${base}_proprietaire, ${base}_app, ${base}_purge)"
echo "PIDs:"; for c in "${composants[@]}"; do echo "  $c $(cat "$pids/$c.pid")  ($pids/$c.pid)"; done
echo "Logs: $logs/ (instance-PORT.log: JSON lines; nginx-access.log, nginx-error.log, smtp.log, migration.log)"
echo "Mails received: $RACCROCHE_LOCAL/courriers/recus.txt · settings for scripts: $RACCROCHE_LOCAL/topologie.env"
echo "Stop: $ici/arreter.sh"
