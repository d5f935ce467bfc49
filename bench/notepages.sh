#!/usr/bin/env bash
# Note page latency: serves a vault on loopback and asks for rendered note pages (text/html) one after
# the other, each note a random one of the vault; prints the p50, p90 and p99 over HTTP.
#
#   bench/notepages.sh [VAULT] [REQUESTS]                 # defaults: data/vault 500 (after 100 not counted)
#   VAULTGRAPH_JAVA_OPTS=-Xmx6g bench/notepages.sh target/bench/vault-100000-seed-7
set -euo pipefail
cd "$(dirname "$0")/.."
vault="${1:-data/vault}"
requests="${2:-500}"
warmup=100
port=39392

log="$(mktemp)"
times="$(mktemp)"
VAULTGRAPH_JAVA_OPTS="${VAULTGRAPH_JAVA_OPTS:--Xmx2g}" ./vaultgraph serve "$vault" --port "$port" --quiet > "$log" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null; rm -f "$log" "$times"' EXIT
for _ in $(seq 1 1200); do
    if curl -sf "http://127.0.0.1:$port/vault/sparql?query=ASK%7B%7D" > /dev/null; then break; fi
    if ! kill -0 $server 2> /dev/null; then cat "$log" >&2; exit 1; fi
    sleep 0.5
done

# The note pages' paths, as the server names them: the vault path without .md, each segment percent-encoded.
mapfile -t notes < <(cd "$vault" && find . -name '*.md' -not -path './.*' | sed 's|^\./||; s|\.md$||' | shuf -r -n $((requests + warmup)) --random-source=<(yes))
encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe="/"))' "$1"; }
i=0
for note in "${notes[@]}"; do
    url="http://127.0.0.1:$port/note/$(encode "$note")"
    t=$(curl -s -o /dev/null -H 'Accept: text/html' -w '%{http_code} %{time_total}' "$url")
    if [ "${t%% *}" != 200 ]; then echo "HTTP ${t%% *} for $url" >&2; exit 1; fi
    i=$((i + 1))
    if [ $i -gt $warmup ]; then echo "${t#* }" >> "$times"; fi
done
sort -n "$times" | awk -v vault="$vault" '{ t[NR] = $1 * 1000 } END {
    printf "%d note pages of %s over HTTP: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms\n", NR, vault, t[int(NR * 0.5)], t[int(NR * 0.9)], t[int(NR * 0.99)] }'
