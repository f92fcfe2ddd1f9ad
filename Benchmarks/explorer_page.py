"""How big the explorer pages are and how fast one answers, in real Chromium.

    .build/browser-venv/bin/python Benchmarks/explorer_page.py [--against REV] [--runs N] [PAGE.html ...]
    .build/browser-venv/bin/python Benchmarks/explorer_page.py --first-step [--runs N] [PAGE.html ...]

For each page (default: output/mlp-loss.html) it prints its size, the time
from opening it to showing step 1 (→ twice from the figure: step 0, then
step 1) and the time from a step's key press to the next frame painted, as
medians; with `--against REV` it measures the same page as commit REV
wrote it too (`git show REV:PATH`), alternating old and new runs so that a
busy machine slows both alike. Chromium is Debian's (`CHROMIUM` to change
it), driven by the Playwright that `make test` installs into
.build/browser-venv. Then it lists every page in output/ with its size.

With `--first-step` it times only opening the page until it answers its
first step, N times (11 by default) after one warm-up run that is not
counted, and prints every run and the median, min and max in seconds.
The browser tests only check that the page answers: a time limit there
failed CI on a busy machine, so the time is measured here.
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

# From a key press to the frame after it: the script's work, style, layout and paint.
STEPS_TO_PAINT = """async (count) => {
    const times = [];
    for (let k = 0; k < count; k++) {
        const start = performance.now();
        document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}));
        await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
        times.push(performance.now() - start);
    }
    return times;
}"""


def load_to_first_step(browser, url):
    """From opening the page in a fresh context until the step counter says
    "step 1 of" (→ twice: focus, then step 1), in ms."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    start = time.monotonic()
    page.goto(url)
    page.wait_for_selector("html[data-ready]")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.getElementById('step').textContent.startsWith('step 1 of')")
    elapsed = time.monotonic() - start
    context.close()
    return elapsed * 1000


def first_step_only(browser, pages, runs):
    for name in pages:
        url = (ROOT / name).resolve().as_uri()
        load_to_first_step(browser, url)  # a warm-up run, not counted
        times = [load_to_first_step(browser, url) / 1000 for _ in range(runs)]
        print("runs (s):", " ".join(f"{t:.3f}" for t in times))
        print(f"load to first step: median {statistics.median(times):.3f} s, "
              f"min {min(times):.3f} s, max {max(times):.3f} s ({runs} runs, {Path(name).name})")


def step_to_paint(browser, url, steps=40):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("html[data-ready]")
    page.keyboard.press("Home")
    times = page.evaluate(STEPS_TO_PAINT, steps)
    context.close()
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", default=["output/mlp-loss.html"])
    parser.add_argument("--against", metavar="REV", help="also measure each page as commit REV wrote it")
    parser.add_argument("--runs", type=int, help="runs of each measurement (default 7; 11 with --first-step)")
    parser.add_argument("--first-step", action="store_true",
                        help="time only loading until step 1, after a warm-up run (no --against)")
    args = parser.parse_args()
    if args.first_step and args.against:
        parser.error("--first-step times this tree's pages only; leave out --against")
    if args.runs is None:
        args.runs = 11 if args.first_step else 7
    if args.first_step:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            first_step_only(browser, args.pages, args.runs)
            browser.close()
        return
    folder = Path(tempfile.mkdtemp(prefix="explorer-bench-"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for name in args.pages:
            path = (ROOT / name).resolve()
            versions = [("this tree", path)]
            if args.against:
                old = folder / f"old-{path.name}"
                old.write_bytes(subprocess.run(["git", "show", f"{args.against}:{name}"], cwd=ROOT,
                                               check=True, capture_output=True).stdout)
                versions.insert(0, (args.against, old))
            loads = {label: [] for label, _ in versions}
            paints = {label: [] for label, _ in versions}
            for _ in range(args.runs):
                for label, page in versions:
                    loads[label].append(load_to_first_step(browser, page.as_uri()))
                    paints[label] += step_to_paint(browser, page.as_uri())
            print(f"{name}:")
            for label, page in versions:
                print(f"  {label:>10}: {page.stat().st_size / 1024:8.1f} KB; load to step 1 median "
                      f"{statistics.median(loads[label]):6.0f} ms (of {args.runs}); step to paint median "
                      f"{statistics.median(paints[label]):5.1f} ms, 90th percentile "
                      f"{statistics.quantiles(paints[label], n=10)[-1]:5.1f} ms (of {len(paints[label])})")
        browser.close()
    print("output/'s pages:")
    for page in sorted((ROOT / "output").glob("*.html")):
        print(f"  {page.name:32} {page.stat().st_size / 1024:8.1f} KB")


if __name__ == "__main__":
    main()
