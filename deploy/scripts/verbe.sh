#!/usr/bin/env bash
# Runs one of the app's command-line verbs with the instances' settings, as the units read them: the KEY=value lines of
# /etc/raccroche/raccroche.env (then of each file named in RACCROCHE_ENV_EN_PLUS, e.g. /etc/raccroche/migration.env),
# nothing else from the caller's environment. Run it as the app's user:
#   runuser -u raccroche -- /opt/raccroche/scripts/verbe.sh creer-admin --courriel admin@exemple.fr
#   runuser -u raccroche -- /opt/raccroche/scripts/verbe.sh verifier-journal
# RACCROCHE_ENV: the settings file; RACCROCHE_APP: the app's folder (/opt/raccroche/courante).
set -euo pipefail
app=${RACCROCHE_APP:-/opt/raccroche/courante}
fichiers=("${RACCROCHE_ENV:-/etc/raccroche/raccroche.env}")
read -ra en_plus <<<"${RACCROCHE_ENV_EN_PLUS:-}"
fichiers+=("${en_plus[@]}")
[[ $# -ge 1 ]] || { echo "Usage: verbe.sh VERB [ARGUMENTS...] (see README, command-line verbs)" >&2; exit 2; }
[[ -x $app/Raccroche.Web ]] || { echo "verbe.sh: no $app/Raccroche.Web" >&2; exit 2; }

variables=(PATH=/usr/local/bin:/usr/bin:/bin)
for f in "${fichiers[@]}"; do
  [[ -r $f ]] || { echo "verbe.sh: cannot read $f (run as the app's user, e.g. runuser -u raccroche --)" >&2; exit 2; }
  # Like systemd's EnvironmentFile: KEY=value lines; blank lines and comments skipped; later lines win.
  while IFS= read -r ligne; do
    [[ $ligne =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] && variables+=("$ligne")
  done <"$f"
done
cd "$app"
exec env -i "${variables[@]}" ./Raccroche.Web "$@"
