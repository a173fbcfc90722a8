"""What Chromium received for one page load, from a --log-net-log file (bench/page/weight.sh).

Per request to the app: body bytes as transferred (compressed) and decoded; then the bytes read from
every socket, headers included, which is what "transferred" means in the browser's network panel.
"""
import json
import sys

log = json.load(open(sys.argv[1], encoding="utf-8"))
noms = {v: k for k, v in log["constants"]["logEventTypes"].items()}
urls, brut, decode, socket = {}, {}, {}, 0
for e in log["events"]:
    t, src, p = noms.get(e["type"]), e["source"]["id"], e.get("params", {})
    if t == "URL_REQUEST_START_JOB" and "url" in p:
        urls[src] = p["url"]
    elif t == "URL_REQUEST_JOB_BYTES_READ":
        brut[src] = brut.get(src, 0) + p.get("byte_count", 0)
    elif t == "URL_REQUEST_JOB_FILTERED_BYTES_READ":
        decode[src] = decode.get(src, 0) + p.get("byte_count", 0)
    elif t == "SOCKET_BYTES_RECEIVED":
        socket += p.get("byte_count", 0)

total_brut = total_decode = 0
for src, url in urls.items():
    if src not in decode:
        continue  # Chromium's own background requests (no internet here) or nothing received
    b = brut.get(src, decode[src])  # not logged when the body is not encoded
    total_brut += b
    total_decode += decode[src]
    print(f"{b:>8} {decode[src]:>8}  {url[:120]}")
print(f"{total_brut:>8} {total_decode:>8}  body bytes transferred / decoded, {len([s for s in urls if s in decode])} requests")
print(f"{socket:>8} bytes received from sockets, headers included")
