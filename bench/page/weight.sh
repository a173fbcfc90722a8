#!/usr/bin/env bash
# Weight of the orientation results page (docs/benchmarks.md): every path of URLS (bench verb
# page-urls) fetched without compression, with gzip and with br, the CSS/JS the page references, the
# favicon the browser asks for, then (when chromium and python3 are there) what Chromium itself
# receives for the first and the heaviest page. Needs the app running at BASE.
#   bench/page/weight.sh http://127.0.0.1:5099 /tmp/raccroche-bench/page-urls.txt [work folder]
set -euo pipefail
base=$1 urls=$2 dir=${3:-/tmp/raccroche-bench/page}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir"

# Nearest-rank percentiles, as the bench tool prints them.
stats() {
  sort -n | awk 'function r(p) { i = int(p * NR); if (i < p * NR) i++; return a[i] }
    {a[NR] = $1; s += $1} END {printf "n %d, mean %.0f, p50 %d, p90 %d, p99 %d, max %d bytes", NR, s / NR, r(0.5), r(0.9), r(0.99), a[NR]}'
}

# One curl process for all paths (a config file), so the client costs little.
sed "s|^|url = \"$base|; s|\$|\"\noutput = /dev/null|" "$urls" >"$dir/curl.cfg"
for enc in identity gzip br; do
  curl -s -K "$dir/curl.cfg" -H "Accept-Encoding: $enc" -w '%{http_code} %{size_download} %{time_total}\n' >"$dir/sizes-$enc.txt"
  bad=$(awk '$1 != 200' "$dir/sizes-$enc.txt" | wc -l)
  echo "HTML, Accept-Encoding: $enc — $(awk '{print $2}' "$dir/sizes-$enc.txt" | stats)$([ "$bad" -gt 0 ] && echo " — $bad NOT 200");" \
    "$(awk '{s += $3} END {printf "%.2f ms per page, one request at a time", s / NR * 1000}' "$dir/sizes-$enc.txt")"
done

first="$base$(head -n 1 "$urls")"
echo "Response headers of the first page with Accept-Encoding: gzip, br:"
curl -s -D - -o "$dir/first.html" -H 'Accept-Encoding: gzip, br' "$first" | grep -iE '^(HTTP|content-encoding|content-type|vary|cache-control)' | sed 's/^/  /'
echo "What the page references, and the favicon a browser asks for (bytes: identity / gzip / br):"
curl -s "$first" | grep -oE '(href|src)="/[^"]+\.(css|js|png|svg|ico|woff2?)[^"]*"' | sed -E 's/^(href|src)="//; s/"$//' | sort -u >"$dir/assets.txt"
echo /favicon.ico >>"$dir/assets.txt"
while read -r a; do
  printf '  %-70s' "$a"
  for enc in identity gzip br; do
    curl -s -o /dev/null -H "Accept-Encoding: $enc" -w '%{http_code} %{size_download}  ' "$base$a"
  done
  echo
done <"$dir/assets.txt"

if command -v chromium >/dev/null && command -v python3 >/dev/null; then
  heaviest=$(awk '{print NR, $2}' "$dir/sizes-identity.txt" | sort -k2 -n | tail -n 1 | cut -d' ' -f1)
  for path in "$(head -n 1 "$urls")" "$(sed -n "${heaviest}p" "$urls")"; do
    echo "Chromium (headless, fresh profile), bytes transferred / decoded: $path"
    rm -rf "$dir/chromium"
    timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
      --no-first-run --user-data-dir="$dir/chromium" --log-net-log="$dir/net.json" --net-log-capture-mode=Default \
      --virtual-time-budget=3000 --dump-dom "$base$path" >/dev/null 2>"$dir/chromium.log" || true
    python3 "$here/netlog.py" "$dir/net.json" | sed 's/^/  /'
  done
fi
