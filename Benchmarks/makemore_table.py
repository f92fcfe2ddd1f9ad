"""The table of compare-makemore.sh: each engine's median over the rounds.

Reads lines of engine, steps, wall-clock us/step, CPU us/step, last loss
(tab-separated; bench --makemore-loop and makemore_peers.py print them).
"""

import statistics
import sys
from collections import OrderedDict


def main(path):
    rows = OrderedDict()
    for line in open(path):
        engine, steps, wall, cpu, loss = line.rstrip("\n").split("\t")
        rows.setdefault(engine, []).append((int(steps), float(wall), float(cpu), loss))
    compiled = next((e for e in rows if e.endswith("compiled")), None)
    base = statistics.median(r[2] for r in rows[compiled]) if compiled else None
    header = ["engine", "steps", "us/step (CPU)", "us/step (wall)", "200,000 steps (CPU)", "x compiled (CPU)"]
    table = []
    for engine, runs in rows.items():
        cpu = statistics.median(r[2] for r in runs)
        wall = statistics.median(r[1] for r in runs)
        table.append([engine, f"{runs[0][0]:,}", f"{cpu:,.0f}", f"{wall:,.0f}", f"{cpu * 0.2:,.0f} s",
                      f"{cpu / base:.2f}" if base else ""])
    widths = [max(len(r[i]) for r in [header] + table) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                       for i, (c, w) in enumerate(zip(r, widths))) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in table:
        print(line(r))


if __name__ == "__main__":
    main(sys.argv[1])
