"""Merges `bench --tsv` outputs into one table with the ratios to Swift.

usage: python3 compare_table.py swift.tsv peer.tsv [peer.tsv ...]
Exits 1 if the engines disagree on a workload's result (first_data), which
would mean they did not run the same computation.
"""
import sys


def read(path):
    rows = {}
    with open(path) as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            rows[(row["engine"], row["workload"])] = row
    return rows


def ratio(x):
    return f"{x:.1f}" if x >= 1 else f"{x:.3f}"


def main():
    tables = [read(p) for p in sys.argv[1:]]
    rows = {k: v for t in tables for k, v in t.items()}
    engines = list(dict.fromkeys(e for t in tables for (e, _) in t))
    workloads = list(dict.fromkeys(w for t in tables for (_, w) in t))
    swift = engines[0]
    cols = ["workload", "engine", "nodes", "forward ms", "backward ms", "free ms", "total ms", "ns/node",
            f"x {swift}", f"x {swift}, fwd+bwd"]
    out, ok = [cols], True
    for w in workloads:
        base = rows[(swift, w)]
        base_total = sum(float(base[k]) for k in ("forward_s", "backward_s", "free_s"))
        base_fb = float(base["forward_s"]) + float(base["backward_s"])
        for e in engines:
            r = rows.get((e, w))
            if r is None:
                continue
            f, b, fr = (float(r[k]) for k in ("forward_s", "backward_s", "free_s"))
            total = f + b + fr
            same = abs(float(r["first_data"]) - float(base["first_data"])) <= 1e-9 * max(1, abs(float(base["first_data"])))
            ok &= same
            out.append([w, e, r["nodes"], f"{f*1e3:.2f}", f"{b*1e3:.2f}", f"{fr*1e3:.2f}",
                        f"{total*1e3:.2f}", f"{total*1e9/int(r['nodes']):.0f}",
                        "1.0" if e == swift else ratio(total / base_total) + ("" if same else " (result differs!)"),
                        "1.0" if e == swift else ratio((f + b) / base_fb)])
    widths = [max(len(row[i]) for row in out) for i in range(len(cols))]
    print("| " + " | ".join(c.ljust(widths[i]) for i, c in enumerate(out[0])) + " |")
    print("|" + "|".join("-" * (wd + 2) for wd in widths) + "|")
    for row in out[1:]:
        print("| " + " | ".join(c.ljust(widths[i]) if i < 2 else c.rjust(widths[i]) for i, c in enumerate(row)) + " |")
    # The compiled engine against each peer, on the workloads it runs.
    compiled = f"{swift}, compiled"
    for w in workloads:
        if (compiled, w) not in rows:
            continue
        c = rows[(compiled, w)]
        c_total = sum(float(c[k]) for k in ("forward_s", "backward_s", "free_s"))
        for e in engines:
            if e in (swift, compiled) or (e, w) not in rows:
                continue
            r = rows[(e, w)]
            total = sum(float(r[k]) for k in ("forward_s", "backward_s", "free_s"))
            print(f"{w}: {compiled} is {total / c_total:.0f} times faster than {e}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
