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
	"./internal/photos FuzzDecodeKept"       # pictures kept in the cache folder
)
# Go's fuzzing coordinator (before Go 1.27; this is 1.26) can fail a run
# with a bare "context deadline exceeded" as -fuzztime ends, a race in
# its own shutdown (golang/go#75804): no input is written and nothing is
# wrong with the target. Such a run is tried once more; a crasher, a
# panic or a second failure still fails the script.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for t in "${targets[@]}"; do
	read -r pkg name <<<"$t"
	for try in 1 2; do
		echo "fuzz $pkg $name ($FUZZTIME)"
		if "$GO" test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" "$pkg" 2>&1 | tee "$log"; then
			break
		fi
		if [[ $try == 1 ]] && grep -q '^    context deadline exceeded$' "$log" &&
			! grep -q 'Failing input written to\|panic:\|fatal error:' "$log"; then
			echo "fuzz $name: Go's deadline race (no input written, golang/go#75804); once more"
			continue
		fi
		exit 1
	done
done
