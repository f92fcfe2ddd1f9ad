#!/usr/bin/env bash
# Runs the bench workloads W1-W3 in this package (release build) and in
# Karpathy's micrograd (PyPI `micrograd`, in a virtual environment under
# .build/peers), with Python's cyclic GC on and off, and prints one table.
#
# usage: Benchmarks/compare-peers.sh [--repeat N]   (median of N runs, default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=5
if [ "${1:-}" = "--repeat" ]; then repeat=${2:?--repeat needs a number}; fi

out=.build/peers
venv=$out/venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check micrograd==0.1.0

swift build -c release --product bench >&2
.build/release/bench --tsv --repeat "$repeat" > "$out/swift.tsv"
"$venv/bin/python" Benchmarks/micrograd_workloads.py --repeat "$repeat" \
  --engine "micrograd" > "$out/micrograd.tsv"
"$venv/bin/python" Benchmarks/micrograd_workloads.py --repeat "$repeat" --no-gc \
  --engine "micrograd, GC off" > "$out/micrograd-nogc.tsv"

echo "median of $repeat runs on $(nproc) cores; $(swift --version 2>/dev/null | head -1); $("$venv/bin/python" --version)"
python3 Benchmarks/compare_table.py "$out/swift.tsv" "$out/micrograd.tsv" "$out/micrograd-nogc.tsv"
