#!/usr/bin/env bash
# Loopback load on both simulators with wrk (Debian package `wrk`): reads from Affinity over a
# 1M-record dataset, reads and upserts on Attio, then fills Attio to 1M stored records and reports
# the server's resident memory. Results go to stdout; bench/README.md records them.
# Usage: bench/sandbox/run.sh [duration per read scenario, default 10s]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/bench/sandbox"
duration="${1:-10s}"
affinity=http://127.0.0.1:5201
attio=http://127.0.0.1:5202
target=1000000

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
cd "$root"
dotnet build -c Release src/Freight.Sandbox -v q -nologo >/dev/null

# Speed 10000 lifts the rate limits far above what two cores can send, so wrk measures the simulators.
dotnet src/Freight.Sandbox/bin/Release/net10.0/Freight.Sandbox.dll \
    --records "$target" --speed 10000 --affinity-url "$affinity" --attio-url "$attio" >/tmp/freight-sandbox-bench.out 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -fs "$attio/_sandbox/counts" >/dev/null 2>&1; do sleep 0.5; done

rss() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$server/status"; }
companies=$(curl -fs "$affinity/_sandbox/summary" | python3 -c 'import json,sys; print(json.load(sys.stdin)["counts"]["companies"])')
echo "dataset: $(curl -fs "$affinity/_sandbox/summary" | python3 -c 'import json,sys; c=json.load(sys.stdin)["counts"]; print(c)')"
echo "server RSS after start: $(rss)"

load() { # name url script [env]
    local name=$1 url=$2 script=$3
    # Fresh rate budgets, but Attio's records stay: reset there would also drop what was written.
    [ "$url" = "$affinity" ] && curl -fs -X POST "$url/_sandbox/reset" >/dev/null
    echo "== $name"
    COMPANIES=$companies wrk -t2 -c32 -d"$duration" --latency -s "$here/$script" "$url" \
        | grep -E 'Requests/sec|Latency  |Non-2xx|Socket errors|  50%|  99%'
}

load "affinity GET /v2/companies/{id}" "$affinity" affinity-company.lua
load "affinity GET /v2/persons?limit=100" "$affinity" affinity-page.lua
FIELDS=1 load "affinity GET /v2/persons?limit=100&fieldTypes=global" "$affinity" affinity-page.lua
load "attio GET /v2/objects/people/attributes" "$attio" attio-get.lua
load "attio PUT /v2/objects/people/records?matching_attribute=email_addresses (new record each)" "$attio" attio-assert.lua
SAME=1 load "attio PUT ...?matching_attribute=email_addresses (updates of 1000 records)" "$attio" attio-assert.lua
echo "server RSS: $(rss)"

# Fill Attio with asserts until it holds the target count; RUN keeps each round's emails new.
round=0
while true; do
    stored=$(curl -fs "$attio/_sandbox/counts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["records"]["people"])')
    [ "$stored" -ge "$target" ] && break
    round=$((round + 1))
    RUN=$round wrk -t2 -c32 -d20s -s "$here/attio-assert.lua" "$attio" >/dev/null
done
echo "attio holds $stored people; server RSS: $(rss)"
curl -fs "$attio/_sandbox/duplicates" | head -c 300; echo
