# swift-micrograd
#   make figures   the main job: render every lecture figure into output/
#   make test      every test; what CI runs
#   make bench     the release-mode benchmark
#   make docs      the DocC documentation, into .build/docs
# Each first installs what is missing: Graphviz's development files
# (libgraphviz-dev and pkg-config with apt, via sudo when not root;
# graphviz with brew) and, on Linux, glibc's locale sources (locales), from
# which a test compiles a German locale.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps figures test bench docs clean

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

# output/ holds only generated figures. `micrograd figures` runs the lesson
# programs (Examples/; micrograd depends on them, so `swift run` builds them
# too) into a new hidden folder beside it and swaps that in only when every
# lesson succeeded: no figure that is no longer made lingers, and a failure
# leaves output/ as it was.
figures: deps
	$(SWIFT) run micrograd figures --out output

test: deps
	$(SWIFT) test -Xswiftc -warnings-as-errors

bench: deps
	$(SWIFT) run -c release bench

docs: deps
	$(SWIFT) package --allow-writing-to-directory .build/docs \
	  generate-documentation --target Micrograd --target GraphRender --target GraphSnapshotTesting \
	  --target Makemore --target Figures --target FileOutput \
	  --output-path .build/docs --transform-for-static-hosting

clean:
	rm -rf .build
