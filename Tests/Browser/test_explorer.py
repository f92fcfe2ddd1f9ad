"""The HTML pages of GraphRender's Drawing.html(), in a real browser.

Headless Chromium (Debian's `chromium`, or the one CHROMIUM names), driven
by Playwright for Python, which `make test` installs into
.build/browser-venv. `explorer-probe` (Tests/ExplorerProbe, built by
`swift build`) writes each lecture graph's page and prints what the engine
says the page must show; the tests compare the two. Without a browser the
tests fail, saying so; they are never skipped.

    make test                                      # runs them after swift test
    .build/browser-venv/bin/python -m unittest discover -s Tests/Browser -v
    EXPLORER_SCREENSHOT=docs/explorer.png ...      # also keep README's screenshot
"""
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

import re

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
GRAPHS = ["expression", "neuron", "mlp-loss", "labels"]

state = {}


def setUpModule():
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        raise RuntimeError(
            f"no Chromium at {CHROMIUM}: the browser tests need it. `make test` installs "
            "Debian's chromium with apt; elsewhere install Chromium and set CHROMIUM to its path")
    binaries = os.environ.get("SWIFT_BIN") or subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    probe = Path(binaries) / "explorer-probe"
    if not probe.exists():
        raise RuntimeError(f"no {probe}: run swift build first (make test does)")
    folder = Path(tempfile.mkdtemp(prefix="explorer-"))
    state["folder"] = folder
    state["expected"] = {}
    for graph in GRAPHS:
        run = subprocess.run([str(probe), graph, str(folder / f"{graph}.html")], capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError(f"explorer-probe {graph} failed: {run.stderr}")
        state["expected"][graph] = json.loads(run.stdout)
    state["playwright"] = sync_playwright().start()
    try:
        state["browser"] = state["playwright"].chromium.launch(executable_path=CHROMIUM)
    except Exception as error:
        raise RuntimeError(f"Chromium at {CHROMIUM} did not start: {error}") from error


def tearDownModule():
    if "browser" in state:
        state["browser"].close()
    if "playwright" in state:
        state["playwright"].stop()
    if "folder" in state:
        shutil.rmtree(state["folder"], ignore_errors=True)


class Page:
    """A page opened from file://, with every console error and request it made."""

    def __init__(self, path, width=1280, height=720, ready="html[data-ready]"):
        self.url = Path(path).resolve().as_uri()
        self.context = state["browser"].new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.errors, self.requests, self.dialogs = [], [], []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url)
        self.page.wait_for_selector(ready, timeout=10_000)

    def value(self, title):
        return self.page.locator("g.mg-value", has=self.page.locator(f"title:text-is('{title}')"))

    def grads(self):
        """Each value's gradient as the page shows it: (title, data-grad, grad text)."""
        return self.page.evaluate("""() => [...document.querySelectorAll('g.mg-value')].map(g => {
            const texts = g.querySelectorAll('text');
            return [g.querySelector('title').textContent, g.getAttribute('data-grad'),
                    texts[texts.length - 1].textContent]; })""")

    def step_text(self):
        return self.page.inner_text("#step")

    def close(self):
        self.context.close()


def probe_page(graph):
    return Page(state["folder"] / f"{graph}.html")


class ExplorerTests(unittest.TestCase):
    def assertClean(self, page):
        self.assertEqual(page.errors, [], "console errors")
        self.assertEqual(page.requests, [page.url], "requests other than the page itself")

    def test_pages_load_offline_without_errors(self):
        pages = [state["folder"] / f"{g}.html" for g in GRAPHS] + sorted(
            p for p in (ROOT / "output").glob("*.html") if p.name != "index.html")
        for path in pages:
            with self.subTest(page=path.name):
                page = Page(path)
                # Everything a user does: hover, step, pick, zoom, search.
                if page.page.locator("g.mg-value").count():
                    page.page.locator("g.mg-value").first.hover()
                    for key in ["ArrowRight", "ArrowRight", "End", "Home", "Escape", "+", "-", "0"]:
                        page.page.keyboard.press(key)
                page.page.mouse.wheel(0, 200)
                if page.page.locator("#search").count():  # not on the training and sampling pages
                    page.page.fill("#search", "a")
                self.assertClean(page)
                page.close()

    def test_index_links_every_page(self):
        page = Page(ROOT / "output" / "index.html", ready="h1")
        links = page.page.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
        pages = sorted(p.name for p in (ROOT / "output").glob("*.html") if p.name != "index.html")
        self.assertEqual(sorted(link for link in links if link.endswith(".html")), pages)
        for link in links:
            self.assertTrue((ROOT / "output" / link).exists(), link)
        page.page.click("a[href='expression-backward.html']")
        page.page.wait_for_selector("html[data-ready]")
        self.assertEqual(page.page.title(), "L = (a*b + c) * f, after backward()")
        self.assertEqual(page.errors, [])
        page.close()

    def test_hover_shows_full_precision_and_the_chain_rule(self):
        page = probe_page("expression")
        page.value("v0").hover()
        tip = page.page.inner_text("#tip")
        self.assertTrue(tip.startswith("a\ndata 2.0\ngrad 6.0\n"), tip)
        self.assertIn("a.grad += b.data × e.grad = -3.0 × -2.0 = 6.0", tip)
        page.value("v2").hover()
        tip = page.page.inner_text("#tip")
        self.assertTrue(tip.startswith("e = a * b\ndata -6.0\ngrad -2.0\noperands: a, b"), tip)
        self.assertIn("b.grad += a.data × e.grad = 2.0 × -2.0 = -4.0", tip)
        self.assertIn("e.grad += 1 × d.grad = 1.0 × -2.0 = -2.0", tip)
        # An open tooltip follows the steps, back to step 0 too.
        page.page.keyboard.press("End")
        self.assertIn("\ngrad -2.0   (after step 7)\n", page.page.inner_text("#tip"))
        page.page.keyboard.press("Home")
        tip = page.page.inner_text("#tip")
        self.assertIn("\ngrad (not reached by step 0)\n", tip)
        self.assertNotIn("after step", tip)
        self.assertClean(page)
        page.close()
        # The neuron's b and n: sixteen digits, where the figure shows four.
        page = probe_page("neuron")
        expected = state["expected"]["neuron"]
        for i, label in enumerate(expected["labels"]):
            page.value(f"v{i}").hover()
            tip = page.page.inner_text("#tip")
            self.assertIn(f"\ndata {expected['data'][i].strip(chr(34))}\n", tip)
            self.assertTrue(tip.startswith(label), tip)
        page.value(f"v{expected['labels'].index('b')}").hover()
        self.assertIn("data 6.881373587019543", page.page.inner_text("#tip"))
        self.assertClean(page)
        page.close()

    def test_keyboard_alone(self):
        page = probe_page("expression")
        page.page.keyboard.press("Tab")  # the first value, after the toolbar...
        for _ in range(20):
            if page.page.evaluate("document.activeElement.classList.contains('mg-value')"):
                break
            page.page.keyboard.press("Tab")
        self.assertTrue(page.page.is_visible("#tip"), "focus shows the tooltip")
        focused = page.page.evaluate("document.activeElement.querySelector('title').textContent")
        page.page.keyboard.press("Enter")
        self.assertEqual(page.page.locator("g.mg-picked title").text_content(), focused)
        page.page.keyboard.press("Escape")
        self.assertEqual(page.page.locator("g.mg-dim").count(), 0)
        page.page.keyboard.press("ArrowRight")
        self.assertEqual(page.step_text(), "step 0 of 7")
        page.page.keyboard.press("End")
        self.assertEqual(page.step_text(), "step 7 of 7")
        page.page.keyboard.press("/")
        page.page.keyboard.type("e")
        self.assertEqual(page.page.inner_text("#found"), "1 value (Enter: the next)")
        page.close()

    def assertHighlightsTrace(self, graph, titles):
        page = probe_page(graph)
        related = state["expected"][graph]["related"]
        for title in titles:
            i = int(title[1:])
            page.value(title).click()
            shown = page.page.evaluate(
                "[...document.querySelectorAll('g.mg-value:not(.mg-dim) title')].map(t => t.textContent)")
            self.assertEqual(sorted(shown), sorted(f"v{j}" for j in related[i]), title)
            self.assertEqual(page.page.locator("g.mg-picked title").text_content(), title)
            page.page.keyboard.press("Escape")
            self.assertEqual(page.page.locator("g.mg-dim").count(), 0)
        self.assertClean(page)
        page.close()

    def test_click_highlights_what_trace_gives(self):
        self.assertHighlightsTrace("expression", [f"v{i}" for i in range(7)])
        self.assertHighlightsTrace("neuron", [f"v{i}" for i in range(len(state["expected"]["neuron"]["titles"]))])
        count = len(state["expected"]["mlp-loss"]["titles"])
        self.assertHighlightsTrace("mlp-loss", [f"v{i}" for i in range(0, count, 37)] + [f"v{count - 1}"])

    def assertStepsAreTheEngines(self, graph):
        expected = state["expected"][graph]["steps"]
        page = probe_page(graph)
        page.page.keyboard.press("Home")
        for k, grads in enumerate(expected):
            if k > 0:
                page.page.keyboard.press("ArrowRight")
            self.assertEqual(page.step_text(), f"step {k} of {len(expected) - 1}")
            shown = {title: (full, text) for title, full, text in page.grads()}
            self.assertEqual(len(shown), len(grads))
            for i, grad in enumerate(grads):
                full, text = shown[f"v{i}"]
                if grad is None:
                    self.assertEqual((full, text), ("", "grad "), f"{graph} step {k} v{i} is not reached")
                else:
                    self.assertEqual(float(full), float(grad), f"{graph} step {k} v{i}")
                    self.assertAlmostEqual(float(text[5:]), float(grad), delta=5.1e-5, msg=f"{graph} step {k} v{i}")
        # The last step is the figure after backward().
        page.page.click("#figure")
        self.assertEqual([full for _, full, _ in sorted(page.grads(), key=lambda g: int(g[0][1:]))],
                         [g for g in expected[-1]])
        self.assertClean(page)
        page.close()

    def test_steps_are_backward_step_by_step(self):
        for graph in ["expression", "neuron", "mlp-loss"]:
            with self.subTest(graph=graph):
                self.assertStepsAreTheEngines(graph)

    def test_step_highlights_the_node_and_its_operands(self):
        page = probe_page("expression")
        for key in ["ArrowRight", "ArrowRight"]:  # step 0, then step 1: L
            page.page.keyboard.press(key)
        current = page.page.evaluate("[...document.querySelectorAll('g.node.mg-current title')].map(t => t.textContent)")
        updated = page.page.evaluate("[...document.querySelectorAll('g.node.mg-updated title')].map(t => t.textContent)")
        self.assertEqual(sorted(current), ["v6", "v6_op"])
        self.assertEqual(sorted(updated), ["v4", "v5"])
        panel = page.page.inner_text("#panel")
        self.assertIn("Step 1 of 7: L.backwardStep(), with L.grad = 1.0", panel)
        self.assertIn("d.grad += f.data × L.grad = -2.0 × 1.0 = -2.0", panel)
        page.page.click("#play")
        expect(page.page.locator("#step")).to_have_text("step 2 of 7", timeout=5_000)
        page.close()

    def test_mlp_loss_answers_its_first_step_within_a_second(self):
        path = ROOT / "output" / "mlp-loss.html"
        if not path.exists():
            path = state["folder"] / "mlp-loss.html"
        context = state["browser"].new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        start = time.monotonic()
        page.goto(path.resolve().as_uri())
        page.wait_for_selector("html[data-ready]")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.getElementById('step').textContent.startsWith('step 1 of')")
        elapsed = time.monotonic() - start
        nodes = page.locator("g.node").count()
        context.close()
        self.assertEqual(nodes, 663)
        self.assertLess(elapsed, 1.0, f"{elapsed:.2f} s from loading to step 1")

    def test_labels_show_as_written_and_cannot_break_out(self):
        page = probe_page("labels")
        labels = state["expected"]["labels"]["labels"]
        self.assertEqual(page.page.locator("script").count(), 2)
        # The labels hold `</script><script>alert(1)</script>`: had one
        # broken out, its alert would have opened a dialog.
        self.assertEqual(page.dialogs, [])
        for i, label in enumerate(labels):
            page.value(f"v{i}").hover()
            tip = page.page.inner_text("#tip")
            self.assertTrue(tip.startswith(label + "\n") or tip.startswith(label + " = "), f"v{i}: {tip}")
            self.assertTrue(page.value(f"v{i}").get_attribute("aria-label").startswith(label + ": data "))
        # The figure shows each label too: Graphviz's record text, a line per line.
        texts = page.page.evaluate("[...document.querySelectorAll('g.mg-value text')].map(t => t.textContent)")
        for label in labels:
            for line in label.split("\n"):
                self.assertIn(line, texts)
        self.assertEqual(page.page.title(), labels[-1])
        page.page.keyboard.press("/")
        page.page.keyboard.type("</script>")
        self.assertEqual(page.page.inner_text("#found"), "1 value (Enter: the next)")
        self.assertClean(page)
        page.close()

    def test_pan_zoom_and_fit(self):
        page = probe_page("mlp-loss")
        box = lambda: page.page.evaluate("document.querySelector('#view svg').getAttribute('viewBox')")
        home = box()
        page.page.mouse.move(640, 400)
        page.page.mouse.wheel(0, -400)
        zoomed = box()
        self.assertNotEqual(zoomed, home)
        self.assertLess(float(zoomed.split()[2]), float(home.split()[2]))
        page.page.mouse.down()
        page.page.mouse.move(540, 350, steps=5)
        page.page.mouse.up()
        self.assertNotEqual(box(), zoomed)
        self.assertEqual(page.page.locator("g.mg-dim").count(), 0, "a drag is not a click")
        page.page.click("#fit")
        self.assertEqual(box(), home)
        page.page.fill("#search", "loss")
        page.page.press("#search", "Enter")
        self.assertEqual(page.page.evaluate("document.activeElement.querySelector('title').textContent"),
                         f"v{len(state['expected']['mlp-loss']['titles']) - 1}")
        page.close()

    def test_screenshot_is_not_blank(self):
        page = probe_page("expression")
        page.page.keyboard.press("Home")
        for _ in range(3):  # step 3: d's step
            page.page.keyboard.press("ArrowRight")
        page.value("v6").hover()
        shot = page.page.screenshot()
        page.close()
        out = ROOT / ".build" / "browser-tests"
        out.mkdir(parents=True, exist_ok=True)
        (out / "explorer.png").write_bytes(shot)
        if os.environ.get("EXPLORER_SCREENSHOT"):
            Path(os.environ["EXPLORER_SCREENSHOT"]).write_bytes(shot)
        # Count the colours in the picture, in a blank page of the browser.
        context = state["browser"].new_context()
        blank = context.new_page()
        blank.set_content(f'<img id="shot" src="data:image/png;base64,{base64.b64encode(shot).decode()}">')
        blank.wait_for_function("document.getElementById('shot').complete")  # no CSP on a blank page
        inked, colours = blank.evaluate("""() => {
            const img = document.getElementById('shot'), c = document.createElement('canvas');
            c.width = img.naturalWidth; c.height = img.naturalHeight;
            const g = c.getContext('2d'); g.drawImage(img, 0, 0);
            const d = g.getImageData(0, 0, c.width, c.height).data, seen = new Set();
            let inked = 0;
            for (let i = 0; i < d.length; i += 4) {
                if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) inked++;
                seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
            }
            return [inked / (d.length / 4), seen.size];
        }""")
        context.close()
        self.assertGreater(inked, 0.01, "the screenshot is almost blank")
        self.assertGreater(colours, 20)


if __name__ == "__main__":
    unittest.main()
