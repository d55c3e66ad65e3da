#!/usr/bin/env bash
# Runs the Freight.Http benchmarks in Release and copies BenchmarkDotNet's markdown reports into bench/results/.
# Usage: bench/run.sh [BenchmarkDotNet arguments]   (default: --filter '*')
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="$root/BenchmarkDotNet.Artifacts"
results="$root/bench/results"

if [[ $# -eq 0 ]]; then
    set -- --filter '*'
fi

cd "$root"
rm -rf "$artifacts/results"  # only this run's reports get copied
dotnet run -c Release --project bench/Freight.Http.Benchmarks -- --artifacts "$artifacts" "$@"

mkdir -p "$results"
shopt -s nullglob
reports=("$artifacts"/results/*-report-github.md)
if [[ ${#reports[@]} -eq 0 ]]; then
    echo "No markdown report found in $artifacts/results" >&2
    exit 1
fi
cp "${reports[@]}" "$results/"
echo "Copied ${#reports[@]} report(s) to $results"
