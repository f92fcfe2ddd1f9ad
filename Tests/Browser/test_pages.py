"""The training and sampling pages (Figures' TrainingPage and SamplingPage), in a real browser.

output/moons-training.html and output/makemore-sampling.html, as `micrograd figures`
made them (the Swift tests check that output/ is what the lessons make now). What the
Swift run recorded is read from each page's own data element, decoded here in Python,
and compared with what the page draws; the bigram's probabilities are also recomputed
here from names.txt. Headless Chromium (CHROMIUM, /usr/bin/chromium by default),
driven by Playwright for Python; axe-core through axe-playwright-python.

    .build/browser-venv/bin/python -m unittest discover -s Tests/Browser -p 'test_pages.py' -v
"""
import base64
import json
import os
import re
import unittest
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TRAINING = ROOT / "output" / "moons-training.html"
SAMPLING = ROOT / "output" / "makemore-sampling.html"
LECTURE_NAMES = ["mor.", "axx.", "minaymoryles.", "kondlaisah.", "anchshizarie."]

state = {}


def setUpModule():
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        raise RuntimeError(f"no Chromium at {CHROMIUM}: the browser tests need it (make test installs it)")
    for page in [TRAINING, SAMPLING]:
        if not page.exists():
            raise RuntimeError(f"no {page}: run make figures")
    state["playwright"] = sync_playwright().start()
    state["browser"] = state["playwright"].chromium.launch(executable_path=CHROMIUM)


def tearDownModule():
    if "browser" in state:
        state["browser"].close()
    if "playwright" in state:
        state["playwright"].stop()


def embedded(path, element):
    """The JSON the Swift run wrote into the page's data element."""
    html = path.read_text(encoding="utf-8")
    start = html.index(f'id="{element}">') + len(f'id="{element}">')
    return json.loads(html[start:html.index("</script>", start)])


def bits(text, count):
    data = base64.b64decode(text)
    return [(data[k // 8] >> (7 - k % 8)) & 1 for k in range(count)]


class Page:
    """A page opened from file://, with every console error and request it made."""

    def __init__(self, path, fragment="", width=1280, height=800, dark=False):
        self.url = path.resolve().as_uri()
        self.context = state["browser"].new_context(
            viewport={"width": width, "height": height}, color_scheme="dark" if dark else "light")
        self.page = self.context.new_page()
        self.errors, self.requests = [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url + fragment)
        self.page.wait_for_selector("html[data-ready]", timeout=10_000)

    def step(self):
        return self.page.inner_text("#step")

    def close(self):
        self.context.close()


class PageTestCase(unittest.TestCase):
    def assertClean(self, page):
        self.assertEqual(page.errors, [], "console errors")
        self.assertEqual([r for r in page.requests if r.split("#")[0] != page.url], [],
                         "requests other than the page itself")

    def assertAxeClean(self, page):
        from axe_playwright_python.sync_playwright import Axe
        violations = Axe().run(page.page).response["violations"]
        self.assertEqual([(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations], [])

    def assertFitsPhone(self, page):
        self.assertLessEqual(page.page.evaluate("document.documentElement.scrollWidth"), 390)


class TrainingPageTests(PageTestCase):
    @classmethod
    def setUpClass(cls):
        cls.data = embedded(TRAINING, "training-data")
        cls.cells = cls.data["plane"]["cells"]
        cls.neurons = sum(cls.data["layers"][1:])

    def drawn(self, page, path_id):
        """Which cells' centres the path covers, cell i + j * cells, rows from the bottom."""
        return page.page.evaluate("""([id, cells]) => {
            const svg = document.getElementById('plane'), box = svg.viewBox.baseVal;
            const path = document.getElementById(id), out = [];
            for (let j = 0; j < cells; j++) for (let i = 0; i < cells; i++) {
                const p = svg.createSVGPoint();
                p.x = (i + 0.5) * box.width / cells; p.y = box.height - (j + 0.5) * box.height / cells;
                out.push(path.isPointInFill(p) ? 1 : 0);
            }
            return out; }""", [path_id, self.cells])

    def recorded(self, snapshot, neuron):
        return bits(self.data["snapshots"][snapshot]["regions"][neuron], self.cells * self.cells)

    def test_boundary_at_first_and_last_step_is_the_recorded_one(self):
        snapshots = self.data["snapshots"]
        self.assertEqual(snapshots[0]["step"], 0)
        self.assertEqual(snapshots[-1]["step"], 100)
        self.assertEqual(snapshots[-1]["accuracy"], 1.0)
        page = Page(TRAINING)
        try:
            for index, key in [(0, "Home"), (len(snapshots) - 1, "End")]:
                page.page.keyboard.press(key)
                expected = self.recorded(index, self.neurons - 1)
                # Every cell is drawn as recorded (at the last step, both classes are on the plane).
                if index:
                    self.assertTrue(0 < sum(expected) < len(expected))
                self.assertEqual(self.drawn(page, "boundary"), expected, f"snapshot {index}")
            self.assertNotEqual(self.recorded(0, self.neurons - 1), self.recorded(len(snapshots) - 1, self.neurons - 1))
            self.assertClean(page)
        finally:
            page.close()

    def test_slider_keys_buttons_and_address_move_the_step(self):
        steps = [s["step"] for s in self.data["snapshots"]]
        self.assertEqual(steps[:25], list(range(25)))
        page = Page(TRAINING, "#step=40")
        try:
            self.assertTrue(page.step().startswith("step 40 of 100"), page.step())
            self.assertEqual(page.page.input_value("#slider"), str(steps.index(40)))
            page.page.keyboard.press("ArrowRight")
            self.assertTrue(page.step().startswith("step 42 "), page.step())
            page.page.wait_for_function("() => location.hash === '#step=42'", timeout=5000)
            page.page.click("#prev")
            self.assertTrue(page.step().startswith("step 40 "))
            page.page.keyboard.press("End")
            self.assertTrue(page.step().startswith("step 100 "))
            page.page.keyboard.press("Home")
            self.assertTrue(page.step().startswith("step 0 "))
            page.page.click("#next")
            self.assertTrue(page.step().startswith("step 1 "))
            page.page.locator("#slider").fill("30")
            self.assertTrue(page.step().startswith(f"step {steps[30]} "), page.step())
            # A step that was not recorded opens at the one before it.
            page.page.evaluate("location.hash = '#step=41'")
            expect(page.page.locator("#step")).to_have_text(re.compile("^step 40 "))
            # Play moves on by itself; the keys pause it.
            page.page.select_option("#speed", "250")
            page.page.click("#play")
            expect(page.page.locator("#step")).not_to_have_text(re.compile("^step 40 "))
            page.page.click("#play")
            self.assertEqual(page.page.inner_text("#play"), "play")
            self.assertClean(page)
        finally:
            page.close()

    def test_hovering_a_neuron_shows_its_region(self):
        page = Page(TRAINING, "#step=10")
        try:
            index = [s["step"] for s in self.data["snapshots"]].index(10)
            region = page.page.locator("#neuron-region")
            self.assertEqual(region.get_attribute("visibility"), "hidden")
            for neuron in [3, 20]:
                page.page.locator(f"g.neuron[data-neuron='{neuron}'] circle").hover()
                self.assertEqual(region.get_attribute("visibility"), "visible")
                self.assertEqual(self.drawn(page, "neuron-region"), self.recorded(index, neuron), f"neuron {neuron}")
                self.assertIn("where its output is positive", page.page.inner_text("#plane-caption"))
            page.page.mouse.move(5, 5)
            self.assertEqual(region.get_attribute("visibility"), "hidden")
            # By keyboard: focus shows the region, and it follows the step.
            page.page.locator("g.neuron[data-neuron='5']").focus()
            self.assertEqual(self.drawn(page, "neuron-region"), self.recorded(index, 5))
            self.assertClean(page)
        finally:
            page.close()

    def test_network_edges_are_the_recorded_weights(self):
        page = Page(TRAINING, "#step=100")
        try:
            weights = self.data["snapshots"][-1]["parameters"]
            classes = page.page.evaluate(
                "[...document.querySelectorAll('#network .edges line')].map(l => l.getAttribute('class'))")
            # Each neuron's weights, then its bias: the edges skip the biases.
            expected, p, layers = [], 0, self.data["layers"]
            for fan_in, size in zip(layers, layers[1:]):
                for _ in range(size):
                    expected += ["weight-positive" if w >= 0 else "weight-negative" for w in weights[p:p + fan_in]]
                    p += fan_in + 1
            self.assertEqual(classes, expected)
        finally:
            page.close()

    def test_phone_dark_and_axe(self):
        for dark in [False, True]:
            with self.subTest(dark=dark):
                page = Page(TRAINING, "#step=12", width=390, height=844, dark=dark)
                try:
                    self.assertFitsPhone(page)
                    background = page.page.evaluate("getComputedStyle(document.body).backgroundColor")
                    self.assertEqual(background == "rgb(255, 255, 255)", not dark, background)
                    self.assertAxeClean(page)
                    page.page.locator("g.neuron[data-neuron='2']").focus()
                    self.assertAxeClean(page)
                    self.assertClean(page)
                finally:
                    page.close()


class SamplingPageTests(PageTestCase):
    @classmethod
    def setUpClass(cls):
        cls.traces = embedded(SAMPLING, "sampling-data")
        # The bigram's P, recomputed here from names.txt with +1 smoothing.
        words = (ROOT / "Sources" / "Makemore" / "Resources" / "names.txt").read_text().split()
        index = {c: i for i, c in enumerate(".abcdefghijklmnopqrstuvwxyz")}
        counts = [[1] * 27 for _ in range(27)]
        for w in words:
            chars = [0] + [index[c] for c in w] + [0]
            for a, b in zip(chars, chars[1:]):
                counts[a][b] += 1
        cls.P = [[c / sum(row) for c in row] for row in counts]

    def names(self, page):
        return page.page.evaluate("[...document.querySelectorAll('#names .name')].map(b => b.textContent)")

    def table(self, page):
        return page.page.evaluate("[...document.querySelectorAll('#probabilities tbody td.number')].map(t => t.textContent)")

    def test_lecture_names_with_the_engines_probabilities(self):
        bigram = self.traces[0]
        self.assertEqual((bigram["model"], bigram["seed"]), ("bigram", 2147483647))
        page = Page(SAMPLING)
        try:
            self.assertEqual(self.names(page)[:5], LECTURE_NAMES)
            self.assertEqual(page.page.input_value("#seed"), "2147483647")
            # Every draw of the first two names: the row of P after the character before.
            previous = 0
            for k, letter in enumerate("mor.axx."):
                if k:
                    page.page.keyboard.press("ArrowRight")
                shown = self.table(page)
                self.assertEqual(shown, [f"{p:.4f}" for p in self.P[previous]], f"draw {k}")
                draw = [d for w in bigram["words"] for d in w][k]
                self.assertEqual(shown, [f"{p:.4f}" for p in draw["probabilities"]])
                drawn = page.page.locator("#probabilities tr.drawn th").inner_text()
                self.assertEqual(drawn, letter)
                self.assertEqual(page.page.locator("#context .drawn").inner_text(), letter)
                self.assertIn(f"u = {draw['uniform']:.6f}", page.page.inner_text("#why"))
                previous = ".abcdefghijklmnopqrstuvwxyz".index(letter)
            self.assertAlmostEqual(self.P[0][13], 2539 / 32060)
            self.assertClean(page)
        finally:
            page.close()

    def test_the_seed_field_draws_again(self):
        page = Page(SAMPLING)
        try:
            for model, trace in enumerate(self.traces):
                with self.subTest(model=trace["model"]):
                    page.page.select_option("#model", str(model))
                    recorded = self.names(page)
                    self.assertEqual(recorded, ["".join(".abcdefghijklmnopqrstuvwxyz"[d["index"]] for d in w)
                                                for w in trace["words"]])
                    page.page.fill("#seed", "42")
                    page.page.click("#draw")
                    self.assertNotEqual(self.names(page), recorded)
                    self.assertIn("seed 42", page.page.inner_text("#seed-note"))
                    # The trace's seed, drawn again in the page: the Swift run's draws.
                    page.page.fill("#seed", str(trace["seed"]))
                    page.page.click("#draw")
                    self.assertEqual(self.names(page), recorded)
                    page.page.keyboard.press("End")
                    last = trace["words"][-1][-1]
                    self.assertEqual(self.table(page), [f"{p:.4f}" for p in last["probabilities"]])
                    self.assertIn(f"u = {last['uniform']:.6f}", page.page.inner_text("#why"))
            self.assertEqual(self.traces[1]["blockSize"], 3)
            self.assertEqual(len(page.page.locator("#context .token").all()), 4)  # 3 seen, 1 drawn
            page.page.fill("#seed", "x1")
            page.page.click("#draw")
            self.assertIn("whole number", page.page.inner_text("#seed-note"))
            self.assertClean(page)
        finally:
            page.close()

    def test_address_and_keys(self):
        page = Page(SAMPLING, "#step=5")
        try:
            self.assertTrue(page.step().startswith("draw 6 of "), page.step())
            page.page.keyboard.press("ArrowLeft")
            # The address follows within 250 ms (the shared stepper writes it
            # at most that often).
            page.page.wait_for_function("() => location.hash === '#step=4'", timeout=5000)
            page.page.locator("#names .name").nth(2).click()
            self.assertTrue(page.step().startswith("draw 9 of "), page.step())  # after mor. and axx.
            self.assertClean(page)
        finally:
            page.close()

    def test_phone_dark_and_axe(self):
        for dark in [False, True]:
            with self.subTest(dark=dark):
                page = Page(SAMPLING, "#step=3", width=390, height=844, dark=dark)
                try:
                    self.assertFitsPhone(page)
                    self.assertAxeClean(page)
                    self.assertClean(page)
                finally:
                    page.close()


if __name__ == "__main__":
    unittest.main()
