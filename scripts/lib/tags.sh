# shellcheck shell=bash
# The build tags of every build of the exhibit, in one place: the Makefile
# reads the line below (and exports GOFLAGS for every go command it runs);
# the scripts that build outside it — packaging/lib.sh, the benchmarks —
# source this file.
#
# no_emoji: Fyne leaves out its 4 MB emoji font (EmojiOneColor.otf), which
# it otherwise parses once for each text style the first time that style
# is drawn. bench/startup.sh, warm caches, 7 runs: first content 0.94 s
# with it, 0.87 s without, and 24 MB against 10 MB more memory than a bare
# Fyne window. An emoji in a staff's text is still drawn where the PC has
# an emoji font (Fyne falls back to the system's fonts, as for any letter
# its own fonts lack); exhibit packs are Vietnamese prose.
TRIENLAM_TAGS=no_emoji

# Kept before any GOFLAGS the caller set, so a caller's own -tags wins.
export GOFLAGS="-tags=$TRIENLAM_TAGS${GOFLAGS:+ $GOFLAGS}"
