"""The bench workloads W1-W3 in Karpathy's micrograd (PyPI `micrograd`).

Run by Benchmarks/compare-peers.sh inside a virtual environment that has
micrograd installed. Prints the same TSV as `bench --tsv`: the median of
each phase (forward, backward, free) over --repeat runs.

W1 uses the same data and the same initial weights as the Swift benchmark:
SplitMix64 and the moons generator are reimplemented here bit for bit, and
the model's parameters are overwritten in the order Swift draws them, so
both engines compute the same loss (first_data) on the same graph.
"""
import argparse
import gc
import math
import statistics
import sys
import threading
import time

from micrograd.engine import Value
from micrograd.nn import MLP

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self, low, high):
        return low + (high - low) * ((self.next() >> 11) * 2.0**-53)

    def normal(self):
        u1 = 1 - self.uniform(0, 1)
        u2 = self.uniform(0, 1)
        return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)


def moons(count, noise, rng):
    upper = count // 2
    lower = count - upper
    points, labels = [], []
    for i in range(upper):
        t = math.pi * i / max(upper - 1, 1)
        points.append([math.cos(t), math.sin(t)])
        labels.append(-1.0)
    for i in range(lower):
        t = math.pi * i / max(lower - 1, 1)
        points.append([1 - math.cos(t), 0.5 - math.sin(t)])
        labels.append(1.0)
    for p in points:
        p[0] += noise * rng.normal()
        p[1] += noise * rng.normal()
    return points, labels


class MoonsStep:
    """W1: one step of micrograd's demo, its loss written as the demo writes it."""
    name = "W1 moons"

    def __init__(self, seed):
        rng = SplitMix64(seed)
        self.X, self.y = moons(100, 0.1, rng)
        self.model = MLP(2, [16, 16, 1])
        # The Swift model's initial weights, drawn in the same order:
        # layer by layer, neuron by neuron, weights then bias.
        for layer in self.model.layers:
            for neuron in layer.neurons:
                for p in neuron.w + [neuron.b]:
                    p.data = rng.uniform(-1, 1)
        self.step = 0

    def forward(self):
        inputs = [list(map(Value, xrow)) for xrow in self.X]
        scores = list(map(self.model, inputs))
        losses = [(1 + -yi * scorei).relu() for yi, scorei in zip(self.y, scores)]
        data_loss = sum(losses) * (1.0 / len(losses))
        alpha = 1e-4
        reg_loss = alpha * sum((p * p for p in self.model.parameters()))
        return data_loss + reg_loss

    def backward(self, root):
        self.model.zero_grad()
        root.backward()
        learning_rate = 1.0 - 0.9 * self.step / 100
        for p in self.model.parameters():
            p.data -= learning_rate * p.grad
        self.step += 1


class Chain:
    """W2: x = x * 1.0001 + 0.0001, 100,000 times."""
    name = "W2 chain"

    def forward(self):
        x = Value(1.0)
        for _ in range(100_000):
            x = x * 1.0001 + 0.0001
        return x

    def backward(self, root):
        root.backward()


class Wide:
    """W3: the sum of 200,000 products of pairs of leaves."""
    name = "W3 wide"

    def __init__(self, seed):
        rng = SplitMix64(seed)
        self.a = [rng.uniform(-1, 1) for _ in range(200_000)]
        self.b = [rng.uniform(-1, 1) for _ in range(200_000)]

    def forward(self):
        return sum(Value(x) * Value(y) for x, y in zip(self.a, self.b))

    def backward(self, root):
        root.backward()


def count_nodes(root):
    seen, stack = {id(root)}, [root]
    while stack:
        for child in stack.pop()._prev:
            if id(child) not in seen:
                seen.add(id(child))
                stack.append(child)
    return len(seen)


def measure(workload, repeats):
    runs = []
    nodes = first = None
    for run in range(repeats):
        t0 = time.perf_counter()
        root = workload.forward()
        t1 = time.perf_counter()
        if run == 0:
            nodes, first = count_nodes(root), root.data
        t2 = time.perf_counter()
        workload.backward(root)
        t3 = time.perf_counter()
        del root  # the only reference to the graph
        # micrograd's _backward closures hold their node: every node is in a
        # reference cycle, so the graph is freed only by the cyclic GC. With
        # the GC on, that collection is the freeing; with it off, nothing is
        # ever freed (free is ~0 and memory grows).
        if gc.isenabled():
            gc.collect()
        t4 = time.perf_counter()
        runs.append((t1 - t0, t3 - t2, t4 - t3))
    med = [statistics.median(r[i] for r in runs) for i in range(3)]
    return nodes, med, first


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-gc", action="store_true", help="disable Python's cyclic GC")
    parser.add_argument("--engine", default="micrograd")
    args = parser.parse_args()
    # build_topo recurses once per node of depth; W2 and W3 are 200,000 deep.
    sys.setrecursionlimit(2_000_000)
    if args.no_gc:
        gc.disable()
    print("engine\tworkload\tnodes\tforward_s\tbackward_s\tfree_s\tfirst_data")
    for workload in (MoonsStep(1337), Chain(), Wide(7)):
        nodes, (f, b, r), first = measure(workload, args.repeat)
        print(f"{args.engine}\t{workload.name}\t{nodes}\t{f}\t{b}\t{r}\t{first!r}", flush=True)


if __name__ == "__main__":
    # A deep recursion needs a deep C stack: run on a thread with 1 GiB.
    threading.stack_size(1 << 30)
    thread = threading.Thread(target=main)
    thread.start()
    thread.join()
