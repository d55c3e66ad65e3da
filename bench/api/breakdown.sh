#!/usr/bin/env bash
# Where the API's time goes: starts the benchmark host with --breakdown (prints each step of GET /api/v1/jobs/{id}
# timed alone), then wrk, interleaved, against the bare endpoint, Freight's pipeline answering the same bytes with no
# key check, + the key check, + key check and rate limits, and the real route.
# Usage: bench/api/breakdown.sh [rounds, default 2] [duration per round, default 10s]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-2}"
duration="${2:-10s}"
cd "$root"
dotnet build -c Release bench/api/Freight.Api.Benchmarks -v q -nologo >/dev/null
info="$(mktemp)"
dotnet bench/api/Freight.Api.Benchmarks/bin/Release/net10.0/Freight.Api.Benchmarks.dll --breakdown >"$info" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$info"' EXIT
until grep -q '^ready$' "$info"; do
    kill -0 $server 2>/dev/null || { echo "the benchmark host exited" >&2; exit 1; }
    sleep 0.5
done
value() { grep "^$1=" "$info" | cut -d= -f2-; }
key=$(value api_key)
echo "commit: $(git rev-parse --short HEAD); load: $(cut -d' ' -f1-3 /proc/loadavg)"
grep '^step ' "$info"

wrk_rps() { wrk -t2 -c32 -d"$1" --latency "${@:2}" | awk '/Requests\/sec/ {r = $2} /Non-2xx/ {n = $NF} $1 == "50%" {p = $2} END {printf "%10.0f req/s  non-2xx %s  p50 %s\n", r, n ? n : 0, p}'; }
wrk_rps 5s "$(value bare_url)" >/dev/null
wrk_rps 5s -H "X-API-Key: $key" "$(value api_url)" >/dev/null
for round in $(seq 1 "$rounds"); do
    echo "== round $round (load $(cut -d' ' -f1-3 /proc/loadavg))"
    echo "bare                       $(wrk_rps "$duration" "$(value bare_url)")"
    echo "pipeline, no key           $(wrk_rps "$duration" "$(value pipeline_url)")"
    echo "pipeline + key check       $(wrk_rps "$duration" -H "X-API-Key: $key" "$(value key_url)")"
    echo "+ key check + rate limits  $(wrk_rps "$duration" -H "X-API-Key: $key" "$(value key_limits_url)")"
    echo "GET /api/v1/jobs/{id}      $(wrk_rps "$duration" -H "X-API-Key: $key" "$(value api_url)")"
done
