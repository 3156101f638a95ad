# Trienlam — build, run and test.
#
#   make run     set up this machine (Debian/Ubuntu) and start the exhibit
#   make test    set up this machine and run every check and test
#
# `make help` lists the other targets. Set-up (scripts/deps.sh) installs the
# apt packages only when some are missing, so later runs are fast and work
# offline.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

# Go unpacked into /usr/local/go is found even when it is not on PATH yet.
export PATH := $(PATH):/usr/local/go/bin

GO ?= go
# Build tags for every go command below (and the scripts it runs): one
# list, in scripts/lib/tags.sh, which says why.
# `override`: a GOFLAGS given on make's command line is added to, not lost.
TRIENLAM_TAGS := $(shell . scripts/lib/tags.sh && echo "$$TRIENLAM_TAGS")
override GOFLAGS := -tags=$(TRIENLAM_TAGS)$(if $(GOFLAGS), $(GOFLAGS))
export GOFLAGS
BINARY := trienlam
# One version number everywhere: FyneApp.toml's Details.Version.
VERSION := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml 2>/dev/null | head -n 1)
ifeq ($(VERSION),)
VERSION := dev
endif
LDFLAGS := -X trienlam/internal/cli.Version=$(VERSION)
# Arguments for ./trienlam in `make run`, e.g. make run ARGS="--pack ~/packs/next-year.zip"
ARGS ?=
# go test's per-package time limit (the whole suite takes a few minutes).
TEST_TIMEOUT ?= 20m
# Where `make screenshots` writes its pictures.
SCREENSHOT_DIR ?= build/screenshots

.PHONY: all help deps build run test fuzz fmt-check vet version-check bench notices goldens screenshots clean narration hall hall-quick
.PHONY: dist deb windows-installer tarball packaging-check verify-installers

all: build

help:
	@echo "make run          set up (apt packages, Go modules), build and start the exhibit"
	@echo "make test         set up, then gofmt check, go vet and every test"
	@echo "make build        build ./$(BINARY) (version $(VERSION)) and its media helper ./$(BINARY)-media"
	@echo "make deps         only the set-up step"
	@echo "make fuzz         the fuzz targets of every reader of staff files, FUZZTIME (2m) each"
	@echo "make bench        Go benchmarks, then start-up, CPU, timeline fps, memory (scripts/bench/*.sh)"
	@echo "make screenshots  pictures of the main screens under Xvfb, in $(SCREENSHOT_DIR)/"
	@echo "make hall         walk every screen of the real program at 1024x768 … 4K, bare and under openbox (build/hall/)"
	@echo "make notices      regenerate THIRD_PARTY_NOTICES.md"
	@echo "make goldens      regenerate the golden images of the screen and widget tests, list what changed"
	@echo "make narration    remake the built-in pack's synthetic narration (espeak-ng; NARRATION_PACK=dir for another pack)"
	@echo "make dist         installers in dist/: .deb, Windows setup, tarball (packaging/README.md)"
	@echo "make verify-installers  install, run, screenshot, uninstall both installers (root; Wine)"
	@echo "make clean        remove what the build made"

deps:
	@scripts/deps.sh all

build:
	@scripts/deps.sh build
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BINARY) .
	$(GO) build -o $(BINARY)-media ./cmd/trienlam-media

run: deps build
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
		echo "make run: there is no display here (DISPLAY and WAYLAND_DISPLAY are both empty)," >&2; \
		echo "so the exhibit window has nowhere to open. ./$(BINARY) is built; either" >&2; \
		echo "  - run it from a desktop session (or over ssh -X), or" >&2; \
		echo "  - run it on a virtual display:" >&2; \
		echo "      xvfb-run -a -s '-screen 0 1280x720x24 -noreset' ./$(BINARY) $(ARGS)" >&2; \
		echo "    and look at it with: make screenshots   (pictures in $(SCREENSHOT_DIR)/)" >&2; \
		exit 1; \
	fi
	./$(BINARY) $(ARGS)

# The last step walks the real program at 1024×768 and 1920×1080 (bare and
# under openbox): the test driver never sees a window grow past a display.
test: deps fmt-check version-check vet packaging-check
	$(GO) test -count=1 -timeout $(TEST_TIMEOUT) ./...
	FUZZTIME=3s GO=$(GO) scripts/fuzz.sh
	$(MAKE) hall-quick

# Every fuzz target of the readers of staff files, FUZZTIME each.
FUZZTIME ?= 2m
fuzz:
	FUZZTIME=$(FUZZTIME) GO=$(GO) scripts/fuzz.sh

# The real program walked on virtual displays (scripts/hall.sh): fails when a
# window grows past the display or a screen is blank; contact sheets in
# $(HALL_DIR)/. hall-quick is the 1024×768 and 1920×1080 part.
HALL_DIR ?= build/hall
hall: deps build
	scripts/hall.sh -o $(HALL_DIR)

hall-quick: build
	scripts/hall.sh -s "1024x768 1920x1080" -o $(HALL_DIR)

# gofmt over every Go file outside testdata folders; lists the ones to fix.
fmt-check:
	@files=$$(find . -name '*.go' -not -path './.git/*' -not -path '*/testdata/*' -print0 | xargs -0 -r "$$($(GO) env GOROOT)/bin/gofmt" -l); \
	if [ -n "$$files" ]; then \
		echo "These files are not gofmt-formatted (fix with gofmt -w FILE):" >&2; \
		echo "$$files" | sed 's/^/  /' >&2; \
		exit 1; \
	fi

vet:
	$(GO) vet ./...

# The version in FyneApp.toml and the default of cli.Version (what a plain
# `go build` prints) must agree: one version number everywhere.
version-check:
	@v=$$(sed -n 's/^var Version = "\([^"]*\)".*/\1/p' internal/cli/*.go 2>/dev/null | head -n 1); \
	if [ -n "$$v" ] && [ "$$v" != "$(VERSION)" ]; then \
		echo "Version mismatch: FyneApp.toml says $(VERSION), cli.Version defaults to $$v." >&2; \
		exit 1; \
	fi

bench: deps
	$(GO) test -run '^$$' -bench . -benchmem -count=1 -timeout $(TEST_TIMEOUT) ./...
	LDFLAGS='$(LDFLAGS)' scripts/bench/startup.sh
	scripts/bench/firstframe.sh
	scripts/bench/cpu.sh
	scripts/bench/timeline.sh
	scripts/bench/soak.sh
	scripts/bench/photos.sh

notices:
	scripts/notices.sh > THIRD_PARTY_NOTICES.md.tmp
	mv THIRD_PARTY_NOTICES.md.tmp THIRD_PARTY_NOTICES.md

# The one way to regenerate golden images (testdata/*.png of the tests that
# use test.AssertImageMatches): see scripts/goldens.sh.
goldens:
	GO=$(GO) scripts/goldens.sh

# Home, the first chapter (PageDown from home) and search (Ctrl+F, a query),
# each in a fresh app with fresh settings on a 1280×720 virtual screen.
screenshots: deps build
	mkdir -p $(SCREENSHOT_DIR)
	scripts/screenshot.sh -o $(SCREENSHOT_DIR)/home.png
	scripts/screenshot.sh -o $(SCREENSHOT_DIR)/reader.png -k Next
	scripts/screenshot.sh -o $(SCREENSHOT_DIR)/search.png -k ctrl+f -t 'Chi Kien'

clean:
	rm -f $(BINARY) $(BINARY).exe $(BINARY)-media $(BINARY)-media.exe THIRD_PARTY_NOTICES.md.tmp
	rm -rf build/bench build/screenshots build/hall build/linux-amd64 build/windows-amd64 build/verify dist

# Synthetic narration (espeak-ng's Vietnamese voice) of a pack, by default the
# built-in one: audio/NN-<chapter>.ogg and .vtt for every chapter, recorded in
# pack.toml. The results are committed, so users never need espeak-ng.
# See docs/narration.md.
NARRATION_PACK ?= assets/pack
narration:
	@if ! command -v espeak-ng >/dev/null || ! command -v oggenc >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get install -y espeak-ng vorbis-tools || { apt-get update && apt-get install -y espeak-ng vorbis-tools; }; \
		else \
			echo "make narration needs espeak-ng and oggenc; install them with:" >&2; \
			echo "  sudo apt-get install espeak-ng vorbis-tools" >&2; \
			exit 1; \
		fi; \
	fi
	$(GO) run ./cmd/narrate $(NARRATION_PACK)

# --- Installers (packaging/README.md) ---------------------------------------
# dist/trienlam_V_amd64.deb, dist/trienlam-V-windows-amd64-setup.exe and
# dist/trienlam-V-linux-amd64.tar.xz, V = FyneApp.toml's version.
# MAINTAINER="Name <mail>" names who made the build (the .deb's Maintainer,
# the installer's Publisher); the default says it is a local build.
dist: deb windows-installer tarball

deb:
	@scripts/deps.sh all
	VERSION=$(VERSION) packaging/build-linux.sh
	VERSION=$(VERSION) packaging/build-deb.sh

windows-installer:
	@scripts/deps.sh dist
	VERSION=$(VERSION) packaging/build-windows.sh

tarball: deb
	VERSION=$(VERSION) packaging/build-tarball.sh

# Quick checks on every `make test` (no Windows cross build): lintian,
# desktop-file-validate, appstreamcli, makensis.
packaging-check:
	VERSION=$(VERSION) packaging/check.sh

# The full round trip of both installers; prints a report (build/verify/).
verify-installers: dist
	VERSION=$(VERSION) packaging/verify-installers.sh
