#!/usr/bin/env bash
# Push benchmark: generates a vault, starts Virtuoso and Fuseki (TDB2 on disk, Digest authentication)
# on free loopback ports in a temporary folder, and times, for each store, the first push of the whole
# vault and a push after one note is edited (one graph sent). Prints the figures; asserts nothing.
#
#   bench/pushbench.sh [NOTES]                       # default 100000 (about 7.7 million quads)
#   VAULTGRAPH_JAVA_OPTS=-Xmx8g bench/pushbench.sh   # the pushing JVM's options (default -Xmx6g)
#
# Needs target/vaultgraph.jar and target/fuseki/jena-fuseki-server.jar (mvn -B package) and
# Debian's virtuoso-opensource-7-bin.
set -euo pipefail
cd "$(dirname "$0")/.."
notes="${1:-100000}"
java_opts="${VAULTGRAPH_JAVA_OPTS:--Xmx6g}"
jar=target/vaultgraph.jar
fuseki_jar=target/fuseki/jena-fuseki-server.jar
for f in "$jar" "$fuseki_jar"; do
    if [ ! -f "$f" ]; then echo "$f is missing: run mvn -B package first" >&2; exit 1; fi
done
command -v virtuoso-t > /dev/null || { echo "virtuoso-t is missing: apt-get install virtuoso-opensource-7-bin" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/vaultgraph-pushbench.XXXXXX")"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    wait 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
await() { # URL NAME PID: any HTTP answer (401 too) means up
    for _ in $(seq 1 600); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" != "000" ]; then return 0; fi
        kill -0 "$3" 2> /dev/null || { echo "$2 stopped while starting; see $work" >&2; exit 1; }
        sleep 0.5
    done
    echo "$2 did not start" >&2; exit 1
}

# Copies, so that a build during the run cannot change the programs under it.
cp "$jar" "$work/vaultgraph.jar"; jar="$work/vaultgraph.jar"
cp "$fuseki_jar" "$work/fuseki-server.jar"; fuseki_jar="$work/fuseki-server.jar"

password=bench-secret
printf '%s\n' "$password" > "$work/password"

echo "generating $notes notes" >&2
java -jar "$jar" generate --notes "$notes" --out "$work/vault" --seed 7 > /dev/null 2>&1

mkdir -p "$work/virtuoso"
sql_port=$(free_port); virtuoso_port=$(free_port)
cat > "$work/virtuoso/virtuoso.ini" <<INI
[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$sql_port
DisableUnixSocket = 1
NumberOfBuffers = 340000
MaxDirtyBuffers = 250000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:$virtuoso_port
ServerRoot = .
ServerThreads = 10
[SPARQL]
ResultSetMaxRows = 10000000
INI
(cd "$work/virtuoso" && exec virtuoso-t +foreground +configfile virtuoso.ini > server.log 2>&1) &
pids+=($!)
await "http://127.0.0.1:$virtuoso_port/sparql?query=ASK%7B%7D" Virtuoso "${pids[-1]}"
isql-vt "127.0.0.1:$sql_port" dba dba "exec=USER_SET_PASSWORD('dba', '$password');" > /dev/null

mkdir -p "$work/fuseki/db"
fuseki_port=$(free_port)
printf 'bench: %s\n' "$password" > "$work/fuseki/passwords"
(cd "$work/fuseki" && FUSEKI_BASE="$work/fuseki/run" exec java -Xmx4g -jar "$fuseki_jar" --localhost --port="$fuseki_port" \
    --tdb2 --loc="$work/fuseki/db" --update --passwd=passwords --auth=digest /team > server.log 2>&1) &
pids+=($!)
await "http://127.0.0.1:$fuseki_port/\$/ping" Fuseki "${pids[-1]}"

push_timed() { # LABEL STORE ENDPOINT USER
    local start end line
    start=$(date +%s.%N)
    line=$(java $java_opts -jar "$jar" push "$work/vault" --base "https://lab.example/bench/" \
        --endpoint "$3" --user "$4" --password-file "$work/password" --state "$work/state-$2.tsv" --quiet 2>&1 | tail -1)
    end=$(date +%s.%N)
    echo "$line"
    quads=$(sed -n 's/.*(\([0-9]*\) quads in \([0-9.]*\) s).*/\1 \2/p' <<< "$line")
    if [ -n "$quads" ]; then
        read -r q s <<< "$quads"
        printf '  %s: %s quads in %s s of pushing = %s quads/s; whole command (JVM start and vault load included) %.1f s\n' \
            "$1" "$q" "$s" "$(python3 -c "print(round($q / max($s, 0.001)))")" "$(python3 -c "print($end - $start)")"
    fi
}

edit_one_note() {
    local note
    note=$(find "$work/vault" -name '*.md' -path '*Insights*' | sort | sed -n 1p)
    printf '\nAn edit for the benchmark, %s.\n' "$(date +%s%N)" >> "$note"
}

echo "== $notes notes: first push, then a push after one edit"
for store in virtuoso fuseki; do
    if [ "$store" = virtuoso ]; then endpoint="http://127.0.0.1:$virtuoso_port/sparql-graph-crud-auth"; user=dba
    else endpoint="http://127.0.0.1:$fuseki_port/team/data"; user=bench; fi
    push_timed "$store, first push" "$store" "$endpoint" "$user"
    edit_one_note
    push_timed "$store, after one edit" "$store" "$endpoint" "$user"
done
