# swift-micrograd
#   make figures   the main job: build and run the examples (later: render
#                  every lecture figure into output/)
#   make test      every test; what CI runs
#   make bench     the release-mode benchmark
#   make docs      the DocC documentation, into .build/docs
# Each first installs what is missing: Graphviz's development files
# (libgraphviz-dev with apt, via sudo when not root; graphviz with brew).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
EXAMPLES := expression

.PHONY: deps figures test bench docs clean

deps:
	@if pkg-config --exists libgvc 2>/dev/null; then \
	  : ; \
	elif [ "$$(uname)" = Darwin ] && command -v brew >/dev/null; then \
	  brew install graphviz pkg-config; \
	elif command -v apt-get >/dev/null; then \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y libgraphviz-dev pkg-config; \
	else \
	  echo "make: Graphviz's development files (libgvc) were not found by pkg-config;" \
	       "install them (libgraphviz-dev, graphviz-devel or graphviz) and run make again" >&2; \
	  exit 1; \
	fi

figures: deps
	@for example in $(EXAMPLES); do \
	  echo "== $$example"; $(SWIFT) run --quiet $$example || exit 1; \
	done

test: deps
	$(SWIFT) test -Xswiftc -warnings-as-errors

bench: deps
	$(SWIFT) run -c release bench

docs: deps
	$(SWIFT) package --allow-writing-to-directory .build/docs \
	  generate-documentation --target Micrograd --output-path .build/docs \
	  --transform-for-static-hosting

clean:
	rm -rf .build
