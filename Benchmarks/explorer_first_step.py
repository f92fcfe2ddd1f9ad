"""How long the explorer page of the largest lecture graph takes from
loading to answering its first step: output/mlp-loss.html (663 nodes) in
headless Chromium, driven by Playwright for Python as the browser tests
drive it (`make test` installs both into .build/browser-venv).

    .build/browser-venv/bin/python Benchmarks/explorer_first_step.py [--repeat N] [PAGE]

Each run opens the page in a fresh browser context, waits until it is
ready, presses the right arrow twice (focus, then step 1) and stops the
clock when the step counter says "step 1 of". Prints every run and the
median, in seconds. Benchmarks/README.md has the numbers.
"""
import argparse
import os
import statistics
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]


def first_step_seconds(browser, url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    start = time.monotonic()
    page.goto(url)
    page.wait_for_selector("html[data-ready]")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.getElementById('step').textContent.startsWith('step 1 of')")
    elapsed = time.monotonic() - start
    context.close()
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", nargs="?", default=str(ROOT / "output" / "mlp-loss.html"))
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args()
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    url = Path(args.page).resolve().as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        first_step_seconds(browser, url)  # a warm-up run, not counted
        runs = [first_step_seconds(browser, url) for _ in range(args.repeat)]
        browser.close()
    print("runs (s):", " ".join(f"{t:.3f}" for t in runs))
    print(f"load to first step: median {statistics.median(runs):.3f} s, "
          f"min {min(runs):.3f} s, max {max(runs):.3f} s ({len(runs)} runs, {Path(args.page).name})")


if __name__ == "__main__":
    main()
