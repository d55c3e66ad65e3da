#!/usr/bin/env bash
# wrk against Freight's authenticated, rate-limited GET /api/v1/jobs/{id} and a bare Kestrel endpoint answering
# the same bytes, both served by one process (bench/api/Freight.Api.Benchmarks), interleaved in the same run.
# Usage: bench/api/run.sh [rounds, default 3] [duration per round, default 20s]
# Prints every wrk output, then a summary (medians and ratio); bench/README.md records them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-3}"
duration="${2:-20s}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

cd "$root"
dotnet build -c Release bench/api/Freight.Api.Benchmarks -v q -nologo >/dev/null
info="$(mktemp)"
dotnet bench/api/Freight.Api.Benchmarks/bin/Release/net10.0/Freight.Api.Benchmarks.dll >"$info" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$info"' EXIT
until grep -q '^ready$' "$info"; do
    kill -0 $server 2>/dev/null || { echo "the benchmark host exited" >&2; exit 1; }
    sleep 0.5
done
value() { grep "^$1=" "$info" | cut -d= -f2-; }
api_url=$(value api_url)
bare_url=$(value bare_url)
api_key=$(value api_key)
echo "api:  GET $api_url (X-API-Key, rate limits 2e9/min and 2e9/h)"
echo "bare: GET $bare_url"
echo "body: $(value body_bytes) bytes, $(value content_type)"
echo "commit: $(git rev-parse --short HEAD); $(nproc) CPUs"

run() { # name duration [wrk args...]
    local name=$1 length=$2
    shift 2
    echo "== $name  (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
    wrk -t2 -c32 -d"$length" --latency "$@"
}

# CPU time the benchmark host has used, in clock ticks (utime + stime): the server's cost per request, which the
# machine's other load disturbs far less than the requests per second it manages.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
ticks_per_second=$(getconf CLK_TCK)

# Warm both (JIT, pools, SQLite page cache) before anything is measured.
run "warmup bare" 5s "$bare_url" >/dev/null
run "warmup api" 5s -H "X-API-Key: $api_key" "$api_url" >/dev/null

summary=()
for round in $(seq 1 "$rounds"); do
    for side in bare api; do
        before=$(cpu_ticks)
        if [ $side = api ]; then out=$(run "round $round api" "$duration" -H "X-API-Key: $api_key" "$api_url")
        else out=$(run "round $round bare" "$duration" "$bare_url"); fi
        used=$(( $(cpu_ticks) - before ))
        echo "$out"
        requests=$(echo "$out" | awk '/requests in/ {print $1}')
        cpu_us=$(awk -v t="$used" -v hz="$ticks_per_second" -v n="$requests" 'BEGIN {printf "%.2f", t / hz * 1e6 / n}')
        echo "server CPU per request: $cpu_us µs"
        rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
        non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
        p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
        p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
        summary+=("$side $round $rps ${non2xx:-0} $p50 $p99 $cpu_us")
    done
done

if command -v hey >/dev/null; then
    echo "== hey cross-check, 10s each, 32 connections (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
    hey -z 10s -c 32 "$bare_url" | grep -E 'Requests/sec|responses' | sed 's/^/bare /'
    hey -z 10s -c 32 -H "X-API-Key: $api_key" "$api_url" | grep -E 'Requests/sec|responses' | sed 's/^/api  /'
fi

echo "== summary (side round requests/s non-2xx p50 p99 server-CPU-µs/request)"
printf '%s\n' "${summary[@]}"
median() { printf '%s\n' "${summary[@]}" | awk -v side="$1" -v column="${2:-3}" '$1 == side {print $column}' | sort -n \
    | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
bare=$(median bare)
api=$(median api)
echo "median bare $bare"
echo "median api $api"
awk -v a="$api" -v b="$bare" 'BEGIN {printf "ratio api/bare %.4f\n", a / b}'
bare_cpu=$(median bare 7)
api_cpu=$(median api 7)
echo "median server CPU per request: bare $bare_cpu µs, api $api_cpu µs"
awk -v a="$api_cpu" -v b="$bare_cpu" 'BEGIN {printf "cpu ratio bare/api %.4f\n", b / a}'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
