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
import unittest
from pathlib import Path

import re

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
GRAPHS = ["expression", "neuron", "mlp-loss", "labels", "dot"]

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

    def __init__(self, path, width=1280, height=720, ready="html[data-ready]", dark=False, fragment="",
                 downloads=False):
        self.url = Path(path).resolve().as_uri()
        self.context = state["browser"].new_context(
            viewport={"width": width, "height": height}, color_scheme="dark" if dark else "light",
            accept_downloads=downloads)
        self.page = self.context.new_page()
        self.errors, self.requests, self.dialogs = [], [], []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url + fragment)
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

    def details(self):
        """The details panel: its heading, its data/grad/op/operands, its other lines."""
        return self.page.evaluate("""() => {
            const d = document.getElementById('details'), out = {lines: []};
            out.head = d.querySelector('h2') ? d.querySelector('h2').textContent : null;
            d.querySelectorAll('dt').forEach(dt => { out[dt.textContent] = dt.nextElementSibling.textContent; });
            d.querySelectorAll('p, code').forEach(p => out.lines.push(p.textContent));
            return out; }""")

    def now(self):
        """What the panel says about the current step, a line per paragraph or formula."""
        return self.page.evaluate("[...document.querySelectorAll('#now p, #now code')].map(p => p.textContent)")

    def box(self, selector_or_handle):
        return self.page.evaluate("e => { const r = e.getBoundingClientRect(); "
                                  "return [r.left, r.top, r.right, r.bottom]; }",
                                  self.page.locator(selector_or_handle).element_handle()
                                  if isinstance(selector_or_handle, str) else selector_or_handle)

    def current_on_screen(self):
        """The aria-current value: [inside the graph's view, its text's height on screen in px]."""
        return self.page.evaluate("""() => {
            const g = document.querySelector('g[aria-current="step"]'), v = document.getElementById('view');
            if (!g) return null;
            const r = g.getBoundingClientRect(), w = v.getBoundingClientRect();
            return [r.left >= w.left - 0.5 && r.right <= w.right + 0.5 && r.top >= w.top - 0.5
                    && r.bottom <= w.bottom + 0.5, g.querySelector('text').getBoundingClientRect().height]; }""")

    def close(self):
        self.context.close()


def probe_page(graph):
    return Page(state["folder"] / f"{graph}.html")


class ExplorerTests(unittest.TestCase):
    def assertClean(self, page):
        self.assertEqual(page.errors, [], "console errors")
        # blob: URLs are the page's own memory (an exported picture), not requests.
        self.assertEqual([r for r in page.requests if not r.startswith("blob:")], [page.url],
                         "requests other than the page itself")

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

    def test_hover_shows_the_numbers_and_the_chain_rule(self):
        page = probe_page("expression")
        page.value("v0").hover()
        d = page.details()
        # Rounded as the figure rounds them; in full on demand.
        self.assertEqual((d["head"], d["data"], d["grad"], d["operands"]), ("a", "2.0000", "6.0000", "none: a leaf"))
        self.assertIn("a.grad += b.data × e.grad = -3.0000 × -2.0000 = 6.0000", d["lines"])
        page.page.check("#full")
        page.value("v0").hover()  # hovering previews; leaving for the checkbox ended it
        d = page.details()
        self.assertEqual((d["data"], d["grad"]), ("2.0", "6.0"))
        self.assertIn("a.grad += b.data × e.grad = -3.0 × -2.0 = 6.0", d["lines"])
        page.value("v2").hover()
        d = page.details()
        self.assertEqual((d["head"], d["data"], d["grad"], d["op"], d["operands"]), ("e = a * b", "-6.0", "-2.0", "*", "a, b"))
        self.assertIn("b.grad += a.data × e.grad = 2.0 × -2.0 = -4.0", d["lines"])
        self.assertIn("e.grad += 1 × d.grad = 1.0 × -2.0 = -2.0", d["lines"])
        # The rule by name, with its local derivative.
        self.assertIn("the product rule: o = a * b; do/da = b, do/db = a", d["lines"])
        page.value("v4").hover()
        self.assertIn("the sum rule: o = a + b; do/da = do/db = 1", page.details()["lines"])
        # The details follow the steps, back to step 0 too.
        page.page.keyboard.press("End")
        self.assertEqual(page.details()["grad"], "-2.0   (after step 7)")
        page.page.keyboard.press("Home")
        self.assertEqual(page.details()["grad"], "0.0   (none computed yet at step 0)")
        self.assertClean(page)
        page.close()
        # The neuron's b and n: sixteen digits in full, where the figure shows four.
        page = probe_page("neuron")
        expected = state["expected"]["neuron"]
        page.page.check("#full")
        for i, label in enumerate(expected["labels"]):
            page.value(f"v{i}").hover()
            d = page.details()
            self.assertEqual(d["data"], expected["data"][i].strip(chr(34)))
            self.assertTrue(d["head"].startswith(label), d["head"])
        page.value(f"v{expected['labels'].index('b')}").hover()
        self.assertEqual(page.details()["data"], "6.881373587019543")
        page.value(f"v{expected['labels'].index('b')}").click()  # chosen: stays when the pointer leaves
        page.page.uncheck("#full")
        self.assertEqual(page.details()["data"], "6.8814")
        page.value(f"v{expected['labels'].index('o')}").hover()
        self.assertIn("the tanh rule: o = tanh(a); do/da = 1 − o²", page.details()["lines"])
        self.assertClean(page)
        page.close()

    def test_keyboard_alone(self):
        page = probe_page("expression")
        page.page.keyboard.press("Tab")  # the first value, after the toolbar...
        for _ in range(20):
            if page.page.evaluate("document.activeElement.classList.contains('mg-value')"):
                break
            page.page.keyboard.press("Tab")
        self.assertIsNotNone(page.details()["head"], "focus shows the value's details")
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
        self.assertEqual(page.page.inner_text("#found"), "1 value")
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
                if grad is None:  # not reached yet: 0, as backward() starts
                    self.assertEqual((float(full), text), (0.0, "grad 0.0000"), f"{graph} step {k} v{i} is not reached")
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
        panel = page.now()
        self.assertEqual(panel[0], "Step 1 of 7: L.backwardStep(), with L.grad = 1.0000 (backward() set it to 1)")
        self.assertIn("d.grad += f.data × L.grad = -2.0000 × 1.0000 = -2.0000   → d.grad = -2.0000", panel)
        page.page.click("#play")
        expect(page.page.locator("#step")).to_have_text("step 2 of 7", timeout=5_000)
        page.close()

    def test_mlp_loss_answers_its_first_step(self):
        # How long that takes is measured by Benchmarks/explorer_page.py --first-step,
        # not asserted here: a busy machine must not fail the tests.
        path = ROOT / "output" / "mlp-loss.html"
        if not path.exists():
            path = state["folder"] / "mlp-loss.html"
        context = state["browser"].new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        page.goto(path.resolve().as_uri())
        page.wait_for_selector("html[data-ready]")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.getElementById('step').textContent.startsWith('step 1 of')")
        nodes = page.locator("g.node").count()
        context.close()
        self.assertEqual(nodes, 663)

    def test_labels_show_as_written_and_cannot_break_out(self):
        page = probe_page("labels")
        labels = state["expected"]["labels"]["labels"]
        self.assertEqual(page.page.locator("script").count(), 2)
        # The labels hold `</script><script>alert(1)</script>`: had one
        # broken out, its alert would have opened a dialog.
        self.assertEqual(page.dialogs, [])
        for i, label in enumerate(labels):
            page.value(f"v{i}").hover()
            head = page.details()["head"]
            self.assertTrue(head == label or head.startswith(label + " = "), f"v{i}: {head}")
            self.assertTrue(page.value(f"v{i}").get_attribute("aria-label").startswith(label + ": data "))
        # The figure shows each label too: Graphviz's record text, a line per
        # line, with bidirectional controls and zero-width characters made
        # visible as \u{...} (they could reorder or hide what is drawn).
        texts = page.page.evaluate("[...document.querySelectorAll('g.mg-value text')].map(t => t.textContent)")
        hidden = re.compile("[\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
        for label in labels:
            for line in label.split("\n"):
                self.assertIn(hidden.sub(lambda m: "\\u{%04X}" % ord(m.group()), line), texts)
        self.assertEqual(page.page.title(), labels[-1])
        page.page.keyboard.press("/")
        page.page.keyboard.type("</script>")
        self.assertEqual(page.page.inner_text("#found"), "1 value")
        self.assertClean(page)
        page.close()

    def test_pan_zoom_and_fit(self):
        page = probe_page("mlp-loss")
        box = lambda: page.page.evaluate("document.querySelector('#view svg').getAttribute('data-view-box')")
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
        page = Page(state["folder"] / "expression.html", width=1100, height=560)
        page.page.keyboard.press("Home")
        for _ in range(3):  # step 3: d's step
            page.page.keyboard.press("ArrowRight")
        page.value("v4").click()  # d = e + c: what it depends on, what depends on it, its rule
        page.page.mouse.move(5, 300)
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


    # MARK: issue 19, the explorer as a place to learn

    def test_details_are_docked_beside_the_graph_and_cover_nothing(self):
        for width, height in [(1280, 800), (390, 844)]:
            with self.subTest(width=width):
                page = Page(state["folder"] / "expression.html", width=width, height=height)
                page.value("v2").click()
                view, panel = page.box("#view"), page.box("#panel")
                self.assertEqual(page.page.evaluate("document.getElementById('panel').tagName"), "ASIDE")
                if width > 760:  # beside the graph
                    self.assertGreaterEqual(panel[0], view[2] - 0.5)
                else:  # below it
                    self.assertGreaterEqual(panel[1], view[3] - 0.5)
                # Nothing lies over the highlighted values: what is at each one's centre is itself.
                covered = page.page.evaluate("""() => [...document.querySelectorAll(
                    'g.mg-picked, g.mg-up, g.mg-down')].filter(g => {
                    const r = g.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
                    const v = document.getElementById('view').getBoundingClientRect();
                    if (x < v.left || x > v.right || y < v.top || y > v.bottom) return false;
                    const at = document.elementFromPoint(x, y);
                    return !at || !g.contains(at); }).length""")
                self.assertEqual(covered, 0)
                self.assertEqual(page.details()["head"], "e = a * b")
                self.assertClean(page)
                page.close()

    def test_what_a_value_depends_on_and_what_depends_on_it_differ_with_a_legend(self):
        page = probe_page("expression")
        page.value("v2").click()  # e = a * b; d = e + c; L = d * f
        titles = lambda cls: sorted(page.page.evaluate(
            f"[...document.querySelectorAll('g.{cls} title')].map(t => t.textContent)"))
        self.assertEqual(titles("mg-up"), ["v0", "v1"])
        self.assertEqual(titles("mg-down"), ["v4", "v6"])
        self.assertEqual(titles("mg-picked"), ["v2"])
        stroke = lambda cls: page.page.evaluate(
            f"getComputedStyle(document.querySelector('g.{cls} polygon')).stroke")
        self.assertEqual(len({stroke("mg-up"), stroke("mg-down"), stroke("mg-picked")}), 3)
        legend = page.page.evaluate("""[...document.querySelectorAll('#mg-legend li')].map(li =>
            [li.querySelector('.swatch').className.split(' ')[1], li.textContent,
             getComputedStyle(li.querySelector('.swatch')).borderTopColor])""")
        by_class = {cls: (text, colour) for cls, text, colour in legend}
        self.assertEqual(by_class["mg-up"][0], "what it depends on")
        self.assertEqual(by_class["mg-down"][0], "what depends on it")
        for cls in ["mg-up", "mg-down", "mg-picked"]:
            self.assertEqual(by_class[cls][1], stroke(cls), cls)
        for cls in ["mg-current", "mg-updated"]:
            self.assertIn(cls, by_class)
        page.close()

    def test_names_are_what_the_drawing_shows_and_compound_ones_are_parenthesised(self):
        page = probe_page("neuron")
        labels = state["expected"]["neuron"]["labels"]
        page.value(f"v{labels.index('x2*w2')}").click()
        lines = page.details()["lines"]
        self.assertIn("(x2*w2).grad += 1 × (x1*w1 + x2*w2).grad = 1.0000 × 0.5000 = 0.5000", lines)
        page.close()
        # mlp-loss has values without a label: each is named by what its
        # record or its op shows, never by the page's own v279.
        page = probe_page("mlp-loss")
        page.page.keyboard.press("Home")
        text = []
        for _ in range(12):
            page.page.keyboard.press("ArrowRight")
            text += page.now()
        names = page.page.evaluate("""() => [...document.querySelectorAll('g.mg-value')].map(g => {
            const texts = [...g.querySelectorAll('text')].map(t => t.textContent);
            return [g.getAttribute('aria-label'), texts]; })""")
        import re as regex
        unlabelled = [label for label, texts in names if texts[0].startswith("data ")]
        self.assertGreater(len(unlabelled), 0)
        drawn = {text[5:] for _, texts in names for text in texts if text.startswith("data ")}
        for label in unlabelled:
            # ⟨data 0.0605⟩, a record's own text; ⟨tanh = 0.7071⟩, an op and the data
            # of its record; or an expression of such names: ⟨data 0.4831⟩ * ⟨data 2.0000⟩.
            name = label.split(": data ")[0]
            parts = regex.findall(r"⟨(?:data|[^ ⟩]+ =) ([^⟩]+)⟩", name)
            self.assertTrue(parts, label)
            self.assertTrue(all(p in drawn for p in parts), label)
        for line in text:
            self.assertIsNone(regex.search(r"\bv\d+\b", line), line)
        page.close()

    def test_the_step_is_followed_until_readable(self):
        for width, height in [(1280, 800), (390, 844)]:
            with self.subTest(width=width):
                page = Page(state["folder"] / "mlp-loss.html", width=width, height=height)
                page.page.keyboard.press("Home")
                for k in range(1, 30):
                    page.page.keyboard.press("ArrowRight")
                    inside, height_px = page.current_on_screen()
                    self.assertTrue(inside, f"step {k} is off screen")
                    self.assertGreaterEqual(height_px, 10, f"step {k}'s text is {height_px:.1f} px")
                page.page.keyboard.press("End")
                self.assertTrue(page.current_on_screen()[0])
                page.page.keyboard.press("0")  # fit: the text is tiny; the next step zooms to it again
                page.page.keyboard.press("ArrowLeft")
                inside, height_px = page.current_on_screen()
                self.assertTrue(inside)
                self.assertGreaterEqual(height_px, 10)
                self.assertClean(page)
                page.close()

    def test_focus_and_search_hits_are_followed(self):
        page = probe_page("mlp-loss")
        for _ in range(6):
            page.page.keyboard.press("+")
        page.page.focus("#view")
        on_screen = 0
        for _ in range(40):
            page.page.keyboard.press("Tab")
            on_screen += page.page.evaluate("""() => {
                const g = document.activeElement, v = document.getElementById('view').getBoundingClientRect();
                if (!g.classList.contains('mg-value')) return 0;
                const r = g.getBoundingClientRect();
                return r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom ? 1 : 0; }""")
        self.assertEqual(on_screen, 40)
        page.page.click("#fit")
        page.page.fill("#search", "loss")
        page.page.press("#search", "Enter")
        height_px = page.page.evaluate("""() => document.activeElement.querySelector('text')
            .getBoundingClientRect().height""")
        self.assertGreaterEqual(height_px, 10)
        page.close()

    def test_zoom_has_limits_every_wheel_mode_and_pinch(self):
        page = probe_page("mlp-loss")
        graph_size = lambda: page.page.evaluate("""() => { const r = document.querySelector('#view g.graph')
            .getBoundingClientRect(); return Math.max(r.width, r.height); }""")
        for _ in range(40):
            page.page.click("#zoom-out")
        self.assertGreaterEqual(graph_size(), 60)
        for _ in range(60):
            page.page.keyboard.press("+")
        vb = [float(x) for x in page.page.evaluate("document.querySelector('#view svg').getAttribute('data-view-box')").split()]
        self.assertTrue(all(abs(x) < 1e6 for x in vb), vb)
        self.assertGreater(vb[2], 1)
        page.page.click("#fit")
        scale = lambda: page.page.evaluate("document.querySelector('#view svg').getScreenCTM().a")
        wheel = """([mode, dy]) => document.getElementById('view').dispatchEvent(new WheelEvent('wheel',
            {deltaY: dy, deltaMode: mode, clientX: 500, clientY: 400, bubbles: true, cancelable: true}))"""
        # One enormous wheel event: a limited zoom, no error.
        before = scale()
        page.page.evaluate(wheel, [0, -1e300])
        self.assertLess(scale() / before, 2.01)
        self.assertGreater(scale() / before, 1.1)
        # Lines (Firefox) and pages zoom as much as the pixels they stand for.
        for mode, dy in [(1, -3), (2, -1)]:
            page.page.click("#fit")
            before = scale()
            page.page.evaluate(wheel, [mode, dy])
            self.assertGreater(scale() / before, 1.08, f"deltaMode {mode}")
        # Two fingers spread to twice their distance: twice the scale, about their midpoint.
        page.page.click("#fit")
        before = scale()
        page.page.evaluate("""() => {
            const v = document.getElementById('view');
            const ev = (type, id, x) => new PointerEvent(type, {pointerId: id, pointerType: 'touch', isPrimary: id === 1,
                clientX: x, clientY: 400, button: 0, bubbles: true, cancelable: true});
            v.dispatchEvent(ev('pointerdown', 1, 500)); v.dispatchEvent(ev('pointerdown', 2, 600));
            window.dispatchEvent(ev('pointermove', 2, 650)); window.dispatchEvent(ev('pointermove', 2, 700));
            window.dispatchEvent(ev('pointerup', 1, 500)); window.dispatchEvent(ev('pointerup', 2, 700)); }""")
        self.assertAlmostEqual(scale() / before, 2.0, delta=0.05)
        self.assertGreaterEqual(graph_size(), 60)
        self.assertClean(page)
        page.close()

    def test_big_graphs_have_a_minimap(self):
        page = probe_page("mlp-loss")
        # The minimap is made after the first frame is painted.
        page.page.wait_for_selector("#view[data-minimap]")
        self.assertEqual(page.page.get_attribute("#view", "data-minimap"), "shown")
        self.assertTrue(page.page.is_visible(".minimap"))
        self.assertGreater(page.page.evaluate("document.querySelector('.minimap-nodes').getAttribute('d').length"), 0)
        for _ in range(5):
            page.page.keyboard.press("+")
        vb = page.page.evaluate("document.querySelector('#view svg').getAttribute('data-view-box')")
        r = page.box(".minimap")
        page.page.mouse.click(r[0] + 10, r[1] + (r[3] - r[1]) / 2)
        self.assertNotEqual(page.page.evaluate("document.querySelector('#view svg').getAttribute('data-view-box')"), vb)
        self.assertEqual(page.page.locator("g.mg-dim").count(), 0, "a click on the minimap picks nothing")
        page.close()
        page = probe_page("expression")
        page.page.wait_for_selector("#view[data-minimap]")
        self.assertEqual(page.page.get_attribute("#view", "data-minimap"), "none")
        self.assertFalse(page.page.is_visible(".minimap"))
        page.close()

    def test_speed_skipping_and_stepping_by_hand(self):
        page = probe_page("expression")
        page.page.evaluate("""() => { window.delays = []; const set = window.setTimeout;
            window.setTimeout = (f, d) => { window.delays.push(d); return set(f, d); }; }""")
        page.page.select_option("#speed", "40")
        page.page.click("#play")
        expect(page.page.locator("#step")).to_have_text("step 7 of 7", timeout=10_000)
        self.assertIn(40, page.page.evaluate("window.delays"))
        self.assertEqual(page.page.inner_text("#play"), "play")
        # Skipping: → goes over the steps of leaves, which update nothing.
        empty = page.page.evaluate("""JSON.parse(document.getElementById('graph-data').textContent).steps
            .map((s, k) => s[3].length ? null : k + 1).filter(k => k !== null)""")
        self.assertTrue(empty)
        page.page.check("#skip")
        page.page.keyboard.press("Home")
        visited = []
        while page.step_text() != "step 7 of 7":
            page.page.keyboard.press("ArrowRight")
            visited.append(int(page.step_text().split()[1]))
        self.assertTrue(all(k not in empty or k == 7 for k in visited), visited)
        self.assertEqual(visited, [k for k in range(1, 8) if k not in empty or k == 7])
        # A step by hand pauses play.
        page.page.select_option("#speed", "1600")
        page.page.click("#play")
        self.assertEqual(page.page.inner_text("#play"), "pause")
        page.page.keyboard.press("ArrowRight")
        self.assertEqual(page.page.inner_text("#play"), "play")
        page.close()

    def test_the_address_holds_the_step(self):
        expected = state["expected"]["expression"]["steps"]
        page = probe_page("expression")
        page.page.keyboard.press("Home")
        for _ in range(3):
            page.page.keyboard.press("ArrowRight")
        by_keys = page.grads()
        # The address follows (at most every 250 ms, so a held key does not flood the history).
        page.page.wait_for_function("() => location.hash === '#step=3'")
        page.page.keyboard.press("ArrowRight")
        page.page.wait_for_function("() => location.hash === '#step=4'")
        page.page.click("#figure")
        page.page.wait_for_function("() => location.hash === ''")
        page.page.evaluate("location.hash = '#step=5'")
        expect(page.page.locator("#step")).to_have_text("step 5 of 7")
        page.close()
        page = Page(state["folder"] / "expression.html", fragment="#step=3")
        self.assertEqual(page.step_text(), "step 3 of 7")
        self.assertEqual(page.grads(), by_keys)
        self.assertEqual([float(full) for _, full, _ in sorted(page.grads(), key=lambda g: int(g[0][1:]))],
                         [0.0 if g is None else float(g) for g in expected[3]])
        self.assertClean(page)
        page.close()
        # A page of DOT text has no steps: an address with a step opens the figure.
        page = Page(state["folder"] / "dot.html", fragment="#step=3")
        self.assertEqual(page.step_text(), "the figure as drawn")
        self.assertNotIn("undefined", page.page.inner_text("body"))
        self.assertClean(page)
        page.close()

    def test_step_zero_says_no_gradient_is_computed_and_labels_follow_the_step(self):
        page = probe_page("expression")
        page.page.keyboard.press("Home")
        self.assertTrue(all(text == "grad 0.0000" for _, _, text in page.grads()))
        self.assertIn("Every grad is 0: none is computed yet.", page.now()[0])
        label = lambda title: page.value(title).get_attribute("aria-label")
        self.assertEqual(label("v6"), "L: data -8.0000, grad 0.0000")
        page.page.keyboard.press("ArrowRight")
        self.assertEqual(label("v6"), "L: data -8.0000, grad 1.0000, the current step")
        self.assertEqual(label("v4"), "d: data 4.0000, grad -2.0000")
        self.assertEqual(page.page.locator('g[aria-current="step"] title').text_content(), "v6")
        page.page.keyboard.press("ArrowRight")
        self.assertEqual(label("v6"), "L: data -8.0000, grad 1.0000")
        page.close()

    def test_the_graph_does_not_move_when_the_panel_changes(self):
        for width, height in [(1280, 800), (390, 844)]:
            page = Page(state["folder"] / "neuron.html", width=width, height=height)
            # The graph's box; its view moves only to follow the step (tested above).
            where = lambda: page.box("#view")
            page.page.keyboard.press("Home")
            first = where()
            for k in range(8):
                page.page.keyboard.press("ArrowRight")
                if k:  # the step's value (on screen: the step is followed)
                    page.page.locator('g[aria-current="step"]').hover()
                self.assertEqual(where(), first, f"{width} px, step {k + 1}")
            page.page.fill("#search", "x")
            self.assertEqual(where(), first)
            page.close()

    def test_phones_scroll_nothing_sideways_and_the_toolbars_fit(self):
        pages = [state["folder"] / f"{g}.html" for g in GRAPHS] + sorted((ROOT / "output").glob("*.html"))
        for path in pages:
            with self.subTest(page=path.name):
                page = Page(path, width=390, height=844, ready="h1")
                page.page.fill("#search", "a") if page.page.locator("#search").count() else None
                self.assertLessEqual(page.page.evaluate("document.documentElement.scrollWidth"), 390)
                for bar in ["#controls", "#options", "#tools"]:
                    if not page.page.locator(bar).count() or not page.page.is_visible(bar):
                        continue
                    fits = page.page.evaluate(f"""() => {{ const b = document.querySelector('{bar}');
                        const r = b.getBoundingClientRect(), tops = new Set();
                        [...b.children].forEach(c => {{ if (c.offsetParent) tops.add(Math.round(c.getBoundingClientRect().top
                            + c.getBoundingClientRect().height / 2)); }});
                        return [r.right <= 390, b.scrollWidth <= b.clientWidth + 1, Math.max(...tops) - Math.min(...tops)]; }}""")
                    self.assertTrue(fits[0] and fits[1], f"{bar} {fits}")
                    self.assertLessEqual(fits[2], 4, f"{bar} is on one line")
                page.close()

    def test_dark_mode(self):
        page = Page(state["folder"] / "expression.html", dark=True)
        background = page.page.evaluate("getComputedStyle(document.body).backgroundColor")
        self.assertEqual(background, "rgb(21, 23, 26)")
        self.assertIn("invert", page.page.evaluate("getComputedStyle(document.querySelector('#view svg')).filter"))
        page.close()
        page = Page(ROOT / "output" / "index.html", dark=True, ready="h1")
        self.assertEqual(page.page.evaluate("getComputedStyle(document.body).backgroundColor"), "rgb(21, 23, 26)")
        page.close()

    def test_print_shows_the_graph_at_its_step_without_the_toolbar(self):
        page = probe_page("expression")
        page.page.keyboard.press("Home")
        page.page.keyboard.press("ArrowRight")
        page.page.emulate_media(media="print")
        for hidden in ["#controls", "#options", "#tools", "#panel-tools"]:
            self.assertFalse(page.page.is_visible(hidden), hidden)
        self.assertTrue(page.page.is_visible("#view svg"))
        self.assertIn("Step 1 of 7", page.now()[0])
        self.assertIn("grad 1.0000", [t for _, _, t in page.grads()])
        pdf = page.page.pdf()
        self.assertTrue(pdf.startswith(b"%PDF"))
        page.close()

    def test_export_the_view_as_svg_and_png_without_a_request(self):
        page = Page(state["folder"] / "expression.html", downloads=True)
        page.page.keyboard.press("Home")
        page.page.keyboard.press("ArrowRight")
        page.page.keyboard.press("+")
        viewbox = page.page.evaluate("document.querySelector('#view svg').getAttribute('data-view-box')")
        with page.page.expect_download() as download:
            page.page.click("#save-svg")
        self.assertEqual(download.value.suggested_filename, "expression-step-1.svg")
        svg = Path(download.value.path()).read_text()
        self.assertIn(f'viewBox="{viewbox}"', svg)
        self.assertIn("mg-current", svg)
        self.assertIn("g.mg-current polygon", svg)
        with page.page.expect_download() as download:
            page.page.click("#save-png")
        self.assertEqual(download.value.suggested_filename, "expression-step-1.png")
        png = Path(download.value.path()).read_bytes()
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
        view = page.box("#view")
        self.assertEqual(int.from_bytes(png[16:20], "big"), round((view[2] - view[0]) * 2))
        self.assertEqual([r for r in page.requests if not r.startswith("blob:")], [page.url])
        self.assertEqual(page.errors, [])
        page.close()

    def test_every_control_has_a_name_and_the_keyboard_reaches_it(self):
        page = probe_page("expression")
        controls = page.page.evaluate("""[...document.querySelectorAll('button, input, select')]
            .filter(c => c.offsetParent).map(c => c.id)""")
        reached = set()
        page.page.focus("body")
        for _ in range(len(controls) + 20):
            page.page.keyboard.press("Tab")
            reached.add(page.page.evaluate("document.activeElement.id"))
        self.assertEqual(sorted(c for c in controls if c not in reached), [])
        page.close()

    def test_axe_finds_no_violations(self):
        from axe_playwright_python.sync_playwright import Axe
        axe = Axe()
        pages = [state["folder"] / f"{g}.html" for g in GRAPHS] + sorted((ROOT / "output").glob("*.html"))
        for path in pages:
            for width, height, dark in [(1280, 800, False), (390, 844, True)]:
                with self.subTest(page=path.name, width=width, dark=dark):
                    page = Page(path, width=width, height=height, dark=dark, ready="h1")
                    results = [axe.run(page.page)]
                    if page.page.locator("g.mg-value").count():
                        # A value chosen and a step shown.
                        page.page.keyboard.press("Home")
                        page.page.keyboard.press("ArrowRight")
                        page.page.locator('g[aria-current="step"]').click()
                        results.append(axe.run(page.page))
                    for result in results:
                        violations = result.response["violations"]
                        self.assertEqual([(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations], [])
                    page.close()


if __name__ == "__main__":
    unittest.main()
