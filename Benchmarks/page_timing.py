"""The training and sampling pages' sizes, and how long each takes from load to interactive.

    .build/browser-venv/bin/python Benchmarks/page_timing.py [--repeat N] [PAGE.html ...]

Opens each page (by default output/moons-training.html and output/makemore-sampling.html)
N times (11 by default) in headless Chromium (CHROMIUM, /usr/bin/chromium by default), each
time in a fresh browser context from file://, and prints a Markdown table: the page's size,
the median time from the start of navigation to the moment the page marks itself ready
(`data-ready` on <html>, set once its script has drawn step 0 and wired the controls), and
the median time from a → key press to the next frame painted after the step is drawn.
"""
import argparse
import os
import statistics
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "output" / "moons-training.html", ROOT / "output" / "makemore-sampling.html"]

# Runs before the page's own script: notes when the page marks itself ready,
# in ms since navigation started.
READY = """
new MutationObserver(function (changes, observer) {
  if (document.documentElement.hasAttribute('data-ready')) {
    window.__readyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
"""

# One → press, timed from the key event to the second animation frame after it
# (the frame that shows the step).
STEP = """() => new Promise(resolve => {
  const start = performance.now();
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
})"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("pages", nargs="*", type=Path, default=PAGES)
    args = parser.parse_args()
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        for path in args.pages:
            ready, steps = [], []
            for _ in range(args.repeat):
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                context.add_init_script(READY)
                page = context.new_page()
                page.goto(path.resolve().as_uri())
                page.wait_for_selector("html[data-ready]", timeout=30_000)
                ready.append(page.evaluate("window.__readyAt"))
                page.locator("body").click(position={"x": 1, "y": 1})
                for _ in range(5):
                    steps.append(page.evaluate(STEP))
                context.close()
            rows.append((path.name, path.stat().st_size, statistics.median(ready), statistics.median(steps)))
        browser.close()
    print(f"median of {args.repeat} loads (5 steps each) in headless Chromium at 1280x800\n")
    print("| page | size | load to interactive, ms | → to the step painted, ms |")
    print("|------|------|-------------------------|---------------------------|")
    for name, size, load, step in rows:
        print(f"| {name} | {size / 1024:,.0f} KiB ({size:,} bytes) | {load:.0f} | {step:.1f} |")


if __name__ == "__main__":
    main()
