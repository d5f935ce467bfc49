#!/usr/bin/env bash
# Load test: serves a vault on loopback and runs wrk against it for a bounded time: light requests only
# (tag-table queries and resource lookups), and the same with a share of heavy runaway queries (which
# the query timeout stops with HTTP 503). Prints each run's figures, then the light requests'
# throughput in both mixes and how much of it is kept while the heavy queries run.
#
#   bench/loadtest.sh [VAULT] [SECONDS] [CONNECTIONS]     # defaults: data/vault 60 64 (seconds per mix)
#   HEAVY_PERCENT=10 bench/loadtest.sh                    # heavy share of the second run (default 5%)
#   HEAVY_UNIQUE=1 bench/loadtest.sh                      # every heavy query a text of its own
#   LOOKUP_PERCENT=0 bench/loadtest.sh                    # tag-table queries only (lookups default 25%)
#   CONCEPTS_FILE=concepts.txt bench/loadtest.sh VAULT    # concept notes of another vault, one path per line
#   SERVE_OPTIONS="--max-queries 8" bench/loadtest.sh     # more options for serve
#
# Installs wrk from Debian's packages when it is missing. The runs follow a 15 s warm-up, not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
vault="${1:-data/vault}"
seconds="${2:-60}"
connections="${3:-64}"
heavy="${HEAVY_PERCENT:-5}"
port=39391

if ! command -v wrk > /dev/null; then
    echo "installing wrk" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk > /dev/null
fi

log="$(mktemp)"
runs="$(mktemp -d)"
# shellcheck disable=SC2086
VAULTGRAPH_JAVA_OPTS="${VAULTGRAPH_JAVA_OPTS:--Xmx2g}" ./vaultgraph serve "$vault" --port "$port" --query-timeout 2 --quiet \
    ${SERVE_OPTIONS:-} > "$log" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null; rm -rf "$log" "$runs"' EXIT
for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$port/vault/sparql?query=ASK%7B%7D" > /dev/null; then break; fi
    if ! kill -0 $server 2> /dev/null; then cat "$log" >&2; exit 1; fi
    sleep 0.5
done
grep -E "queries at once" "$log" >&2 || true

# Four runs of half the time each, in the order light, mixed, mixed, light, so that a machine that
# slows down or speeds up during the test (other work on it) weighs on both mixes alike.
half=$(( seconds / 2 > 0 ? seconds / 2 : 1 ))
run() {
    echo "== $1: $connections connections for $half s on $vault" >&2
    HEAVY_PERCENT="$2" wrk --latency --timeout 30s -t2 -c"$connections" -d"${half}s" -s bench/loadtest.lua \
        "http://127.0.0.1:$port" | tee -a "$runs/$3"
}
light_only="light requests only"
mixed="light requests with ${heavy}% heavy queries${HEAVY_UNIQUE:+ (each text its own)}"
run "$light_only" 0 alone
run "$mixed" "$heavy" mixed
run "$mixed" "$heavy" mixed
run "$light_only" 0 alone

# The light requests answered per second, averaged over a mix's two runs.
rate() { sed -n 's/^light answers (200): [0-9]*, \([0-9]*\)\/s.*/\1/p' "$runs/$1" | awk '{ sum += $1 } END { printf "%d", sum / NR }'; }
alone=$(rate alone)
with=$(rate mixed)
echo "light requests: $alone/s alone, $with/s with ${heavy}% heavy queries: $(( 100 * with / (alone > 0 ? alone : 1) ))% kept"
