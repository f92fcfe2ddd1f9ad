#!/usr/bin/env bash
# The lecture's makemore training loop (makemore part 2: block 3,
# embeddings of 10, 200 hidden, batches of 32, lr 0.1 then 0.01, the same
# names, split and weights) timed in this package's compiled and eager
# engines (bench --makemore-loop, the step `micrograd makemore train`
# runs), in PyTorch (the lecture's code) and under jax.jit, float32 and
# float64, all on one thread. Rounds alternate the engines; the table has
# each one's median over the rounds.
#
# PyTorch and JAX (pip's `torch` and `jax`, CPU), pinned to the versions
# Benchmarks/README.md measured, go into a virtual environment under
# .build/peers, pip's cache under .build/peers/pip-cache (the torch package
# brings CUDA libraries it does not use here: several GB, downloaded once).
# An environment that holds other versions is brought to these.
#
# One core each: every engine runs pinned to the machine's last CPU
# (taskset), so that "one thread" holds whatever a framework starts. JAX
# runs its jitted step on a thread of its own while Python dispatches the
# next, even with XLA's thread flags: unpinned, its wall time is below its
# CPU time. --no-pin lets each engine use the whole machine as it likes.
#
# usage: Benchmarks/compare-makemore.sh [--steps N] [--eager-steps N] [--rounds R] [--no-pin]
#   N steps timed per engine (default 20000; the eager engine 2000), after a
#   warm-up of 500 steps (JAX compiles its step then); R rounds (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
steps=20000
eager_steps=2000
rounds=3
pin=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --steps) steps=${2:?--steps needs a number}; shift 2 ;;
    --eager-steps) eager_steps=${2:?--eager-steps needs a number}; shift 2 ;;
    --rounds) rounds=${2:?--rounds needs a number}; shift 2 ;;
    --no-pin) pin=no; shift ;;
    *) echo "compare-makemore.sh: unknown argument '$1' (--steps N, --eager-steps N, --rounds R, --no-pin)" >&2
       exit 2 ;;
  esac
done

out=.build/peers
venv=$out/ml-venv
mkdir -p "$out"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
# The versions measured in Benchmarks/README.md: change them together.
torch_version=2.15.0
jax_version=0.10.2
pinned=("torch==$torch_version" "jax==$jax_version" "jaxlib==$jax_version")
if ! "$venv/bin/python" -c '
import sys
from importlib.metadata import version
sys.exit(any(version(name) != v for name, v in (p.split("==") for p in sys.argv[1:])))
' "${pinned[@]}" 2>/dev/null; then
  PIP_CACHE_DIR="$PWD/$out/pip-cache" "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "${pinned[@]}"
fi

swift build -c release --product bench >&2

# One thread everywhere: PyTorch's set_num_threads(1) (in the script),
# XLA's CPU client without its thread pools, and the BLAS libraries'.
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
export XLA_FLAGS="--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"

on=()
cpus="the whole machine: not pinned"
if [ "$pin" = yes ]; then
  command -v taskset >/dev/null || { echo "compare-makemore.sh: taskset (util-linux) is missing; install it or pass --no-pin" >&2; exit 2; }
  core=$(($(nproc --all) - 1))
  on=(taskset -c "$core")
  cpus="each engine pinned to CPU $core"
fi

results=$out/makemore.tsv
: > "$results"
for round in $(seq "$rounds"); do
  echo "round $round of $rounds" >&2
  "${on[@]}" .build/release/bench --makemore-loop "$steps" --engine compiled >> "$results"
  "${on[@]}" .build/release/bench --makemore-loop "$eager_steps" --engine eager >> "$results"
  for framework in torch jax; do
    for dtype in float32 float64; do
      "${on[@]}" "$venv/bin/python" Benchmarks/makemore_peers.py --framework "$framework" --dtype "$dtype" \
        --steps "$steps" >> "$results"
    done
  done
done

echo "median of $rounds rounds on $(nproc --all) cores, $cpus (the machine's load: $(cut -d' ' -f1-3 /proc/loadavg));" \
  "$(swift --version 2>/dev/null | head -1); $("$venv/bin/python" --version), torch $torch_version, jax $jax_version"
python3 Benchmarks/makemore_table.py "$results"
