#!/usr/bin/env bash
# Runs every Go fuzz target of the readers of staff files for FUZZTIME
# each (default 3s, as `make test` does; `make fuzz` gives them longer).
# A crasher is saved by Go under the package's testdata/fuzz/ and the
# script fails; commit the file with the fix, so plain `go test` keeps
# checking it.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-3s}
GO=${GO:-go}
# package  target
targets=(
	"./internal/exhibit FuzzLoadManifest"    # pack.toml, chapters, timeline.toml together
	"./internal/exhibit FuzzTimelineTOML"    # timeline.toml
	"./internal/exhibit FuzzParseTimelineJS" # TimelineJS JSON
	"./internal/exhibit FuzzChapter"         # Markdown chapters with front matter
	"./internal/exhibit FuzzOpenZip"         # zip packs and the pack file system
	"./internal/exhibit FuzzHTMLToMarkdown"  # HTML pasted into the studio
	"./audio/captions FuzzParse"             # WebVTT captions
	"./audio FuzzCheckAudio"                 # recordings, as validate decodes them
	"./internal/photos FuzzInspect"          # photo headers with EXIF
)
for t in "${targets[@]}"; do
	read -r pkg name <<<"$t"
	echo "fuzz $pkg $name ($FUZZTIME)"
	"$GO" test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" "$pkg"
done
