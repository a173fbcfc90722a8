#!/usr/bin/env bash
# Smoke test of the running local topology (demarrer.sh), for load runs and after changes to deploy/: one line per
# check, "ok" or "FAIL", exit 1 when any failed. Costs one orientation call from a loopback address of its own.
set -uo pipefail
ici=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=deploy/local/reglages.sh
. "$ici/reglages.sh"
[[ -f $RACCROCHE_LOCAL/topologie.env ]] || echec "no $RACCROCHE_LOCAL/topologie.env: run demarrer.sh first"
# shellcheck disable=SC1091
. "$RACCROCHE_LOCAL/topologie.env"

echecs=0
verifier() { # DESCRIPTION COMMAND...: the command's success is the check's.
  local description=$1; shift
  if "$@" >/dev/null 2>&1; then echo "ok    $description"; else echo "FAIL  $description"; echecs=$((echecs + 1)); fi
}
code() { curl -ks -o /dev/null -w '%{http_code}' --max-time 20 "$@"; }
est() { [[ $1 == "$2" ]]; }
sql() { psql -XAtq -d "$RACCROCHE_BASE" -c "$1"; }

for url in $RACCROCHE_INSTANCES; do
  verifier "instance $url/sante/pret answers 200" est "$(code "$url/sante/pret")" 200
done
# Started with RACCROCHE_LOCAL_COMME_PROD=1, plain HTTP is redirected to HTTPS (but for the health probes) and
# secure cookies, as in production; by default plain HTTP serves the site. (HSTS is never sent to 127.0.0.1 or
# localhost, ASP.NET Core's HstsOptions.ExcludedHosts: the test suite checks it behind a proxy.)
comme_prod=$(grep -c '^Https__Port=' "$RACCROCHE_LOCAL/raccroche.env")
for chemin in / "/recherche?q=mission" /diagnostic /sante/pret; do
  verifier "nginx $RACCROCHE_URL_HTTPS$chemin answers 200" est "$(code "$RACCROCHE_URL_HTTPS$chemin")" 200
  if [[ $comme_prod == 0 || $chemin == /sante/pret ]]; then
    verifier "nginx $RACCROCHE_URL_HTTP$chemin answers 200" est "$(code "$RACCROCHE_URL_HTTP$chemin")" 200
  else
    verifier "nginx $RACCROCHE_URL_HTTP$chemin redirects to $RACCROCHE_URL_HTTPS$chemin" \
      est "$(curl -s -o /dev/null -w '%{redirect_url}' "$RACCROCHE_URL_HTTP$chemin")" "$RACCROCHE_URL_HTTPS$chemin"
  fi
done
verifier "the search page lists programmes" grep -q 'href="/dispositifs/' <(curl -ks "$RACCROCHE_URL_HTTPS/recherche?q=mission")

# Both instances serve: six requests, at least two upstreams in nginx's log.
if [[ $(wc -w <<<"$RACCROCHE_INSTANCES") -gt 1 ]]; then
  for _ in 1 2 3 4 5 6; do code "$RACCROCHE_URL_HTTP/a-propos" >/dev/null; done
  verifier "nginx spreads requests over the instances" \
    test "$(grep '"GET /a-propos"' "$logs/nginx-access.log" | tail -n 6 | grep -o 'upstream=[^ ]*' | sort -u | wc -l)" -ge 2
fi

# Static files: cached by nginx, a year in browsers for a fingerprinted URL.
css=$(curl -ks "$RACCROCHE_URL_HTTPS/" | grep -o '/css/site.css?v=[^"]*' | head -n 1)
code "$RACCROCHE_URL_HTTPS$css" >/dev/null
entetes=$(curl -ks -o /dev/null -D - "$RACCROCHE_URL_HTTPS$css")
verifier "fingerprinted CSS served from nginx's cache" grep -qi '^x-cache: HIT' <<<"$entetes"
verifier "fingerprinted CSS immutable for a year" grep -qi '^cache-control: public, max-age=31536000, immutable' <<<"$entetes"

# Headers: the app's security headers pass through; nginx shows no version.
entetes=$(curl -ks -o /dev/null -D - "$RACCROCHE_URL_HTTPS/")
verifier "Content-Security-Policy present" grep -qi '^content-security-policy: default-src' <<<"$entetes"
verifier "Server header without version" grep -qix 'server: nginx' <<<"$(tr -d '\r' <<<"$entetes")"

# One Data Protection key ring for all instances: a form fetched from one instance is accepted by another (its
# antiforgery token and cookie are read there). A wrong password answers 200 with the form again; a token that the
# other instance cannot read would answer 400.
# (A sign-in attempt counts in the sign-in limits: its own address and account for each run.)
read -ra instances <<<"$RACCROCHE_INSTANCES"
if [[ $comme_prod == 1 ]]; then
  echo "skip  a form posted across instances (in this mode an instance redirects plain HTTP and sends secure cookies)"
elif [[ ${#instances[@]} -gt 1 ]]; then
  a=${instances[0]} b=${instances[1]} biscuits=$(mktemp)
  jeton=$(curl -s -c "$biscuits" "$a/pro/connexion" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*' | sed 's/.*value="//')
  verifier "a form from $a posted to $b passes antiforgery (shared keys)" est "$(code -b "$biscuits" \
    --interface "127.1.$(($$ / 250 % 250)).$(($$ % 250 + 2))" --data-urlencode "__RequestVerificationToken=$jeton" \
    --data-urlencode "Courriel=verifier-$$-$RANDOM@exemple.fr" --data-urlencode "MotDePasse=pas-le-bon" "$b/pro/connexion")" 200
  rm -f "$biscuits"
fi

# The client's address reaches the app through nginx (X-Forwarded-For from a trusted proxy), and what a client claims
# in its own X-Forwarded-For is not believed: the rate-limit counter is keyed on the sender's loopback address.
client=127.0.$(($$ / 250 % 250)).$(($$ % 250 + 2))
code --interface "$client" -H 'Content-Type: application/json' -H 'X-Forwarded-For: 203.0.113.77' \
  -d '{"age":17,"code_commune":"63113"}' "$RACCROCHE_URL_HTTPS/api/v1/orientation" >/dev/null
verifier "rate-limit counter keyed on the client's address ($client), not nginx's" \
  est "$(sql "SELECT count(*) FROM \"CompteursDebit\" WHERE \"Cle\" = 'orientation:$client'")" 1
verifier "a client's own X-Forwarded-For is ignored" \
  est "$(sql "SELECT count(*) FROM \"CompteursDebit\" WHERE \"Cle\" LIKE '%203.0.113.77%'")" 0

# The audit trail's roles (decision 0025).
droit() { sql "SELECT has_table_privilege('${RACCROCHE_BASE}_$1', '\"JournalAcces\"', '$2')"; }
verifier "the app's role may add audit lines" est "$(droit app INSERT)" t
verifier "the app's role may not change audit lines" est "$(droit app UPDATE)" f
verifier "the app's role may not delete audit lines" est "$(droit app DELETE)" f
verifier "the purge role may delete audit lines" est "$(droit purge DELETE)" t

# Request bodies: nginx refuses what is over its limit with a French page; the upload pages accept more.
verifier "3 MB posted to a form page: 413 from nginx, in French" \
  grep -q 'Fichier trop volumineux' <(head -c 3000000 /dev/zero | curl -ks --data-binary @- "$RACCROCHE_URL_HTTPS/diagnostic")
verifier "10 MB posted to the SIEI import page: passed to the app (not 413)" \
  test "$(head -c 10000000 /dev/zero | code --data-binary @- "$RACCROCHE_URL_HTTPS/pro/decrocheurs/import")" != 413

echo
if ((echecs == 0)); then echo "All checks passed."; else echo "$echecs check(s) failed."; exit 1; fi
