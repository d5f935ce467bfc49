#!/usr/bin/env bash
# Load test: serves a vault on loopback and runs wrk against it for a bounded time, mixing tag-table
# queries, resource lookups and heavy queries (which the query timeout stops with HTTP 503).
#
#   bench/loadtest.sh [VAULT] [SECONDS] [CONNECTIONS]     # defaults: data/vault 60 64
#   HEAVY_PERCENT=0 bench/loadtest.sh                     # without the heavy queries (default 5%)
#   HEAVY_PERCENT=0 LOOKUP_PERCENT=0 bench/loadtest.sh    # tag-table queries only
#   CONCEPTS_FILE=concepts.txt bench/loadtest.sh VAULT    # concept notes of another vault, one path per line
#
# Installs wrk from Debian's packages when it is missing. Prints wrk's figures, then the count of
# answers by status: everything must be 200 but the heavy queries' 503s.
set -euo pipefail
cd "$(dirname "$0")/.."
vault="${1:-data/vault}"
seconds="${2:-60}"
connections="${3:-64}"
port=39391

if ! command -v wrk > /dev/null; then
    echo "installing wrk" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk > /dev/null
fi

log="$(mktemp)"
VAULTGRAPH_JAVA_OPTS="${VAULTGRAPH_JAVA_OPTS:--Xmx2g}" ./vaultgraph serve "$vault" --port "$port" --query-timeout 2 --quiet > "$log" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$port/vault/sparql?query=ASK%7B%7D" > /dev/null; then break; fi
    if ! kill -0 $server 2> /dev/null; then cat "$log" >&2; exit 1; fi
    sleep 0.5
done
echo "serving $vault on 127.0.0.1:$port; $connections connections for $seconds s" >&2
wrk --latency --timeout 30s -t2 -c"$connections" -d"${seconds}s" -s bench/loadtest.lua "http://127.0.0.1:$port"
