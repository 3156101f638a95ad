# shellcheck shell=bash
# The build tags of every build of the exhibit, in one place, comma-separated
# (GOFLAGS splits on spaces): the Makefile sources this file (and exports
# GOFLAGS for every go command it runs); the scripts that build outside it
# — packaging/lib.sh, the benchmarks — source it too.
#
# no_emoji: Fyne leaves out its 4 MB emoji font (EmojiOneColor.otf), which
# it otherwise parses once for each text style the first time that style
# is drawn. bench/startup.sh, warm caches, 7 runs: first content 0.94 s
# with it, 0.87 s without, and 24 MB against 10 MB more memory than a bare
# Fyne window. An emoji in a staff's text is still drawn where the PC has
# an emoji font (Fyne falls back to the system's fonts, as for any letter
# its own fonts lack); exhibit packs are Vietnamese prose.
TRIENLAM_TAGS=no_emoji

# Put before any GOFLAGS the caller set: the caller's other flags are kept,
# and a -tags of the caller's replaces this list (the go command keeps the
# last -tags).
export GOFLAGS="-tags=$TRIENLAM_TAGS${GOFLAGS:+ $GOFLAGS}"
