#!/usr/bin/env bash
# The lecture's 200,000-step makemore run (`micrograd makemore train`,
# release) with its memory read while it trains: the resident set (VmRSS)
# and its peak (VmHWM) of the micrograd process itself, from
# /proc/PID/status every INTERVAL seconds (Linux). Prints the run's own
# output, then one line per sample: seconds since the start, VmRSS and
# VmHWM in kB. Flat memory means VmRSS stays level while the steps go by.
#
# usage: Benchmarks/train-memory.sh [INTERVAL] [-- ARGUMENTS FOR makemore train]
set -euo pipefail
cd "$(dirname "$0")/.."
interval=2
if [ $# -gt 0 ] && [ "$1" != -- ]; then interval=$1; shift; fi
[ $# -gt 0 ] && [ "$1" = -- ] && shift
case "$interval" in
  '' | *[!0-9.]*) echo "train-memory.sh: INTERVAL must be a number of seconds, not '$interval'" >&2; exit 2 ;;
esac
[ -r /proc/self/status ] || { echo "train-memory.sh: needs Linux's /proc" >&2; exit 2; }
swift build -c release --product micrograd >&2
samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
start=$(date +%s.%N)
.build/release/micrograd makemore train "$@" &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
  awk -v t="$(echo "$(date +%s.%N) - $start" | bc)" \
    '/^VmRSS|^VmHWM/ { v[$1] = $2 } END { if (v["VmRSS:"]) printf "%6.1f s  %8d kB  %8d kB\n", t, v["VmRSS:"], v["VmHWM:"] }' \
    "/proc/$pid/status" 2>/dev/null >> "$samples" || true
  sleep "$interval"
done
wait "$pid"
echo "seconds   VmRSS       VmHWM (micrograd makemore train $*, every $interval s)"
cat "$samples"
