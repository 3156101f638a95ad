#!/usr/bin/env bash
# Regenerate every golden image: the PNGs in testdata/ beside the tests
# that compare a rendered screen or widget with test.AssertImageMatches.
#
# It runs those packages' tests; Fyne writes each picture that no longer
# matches to testdata/failed/. Those are copied over the goldens, and the
# pictures that changed are listed: LOOK at each one (git diff shows them
# as binary; open them) before committing it with the change that made it.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}

pkgs=$(grep -rl --include='*_test.go' 'test.AssertImageMatches' . | xargs -n1 dirname | sort -u)
for dir in $pkgs; do
	rm -rf "$dir/testdata/failed"
	echo "goldens: go test $dir"
	$GO test -count=1 "$dir" >/dev/null 2>&1 || true
	if [ -d "$dir/testdata/failed" ]; then
		cp -r "$dir/testdata/failed/." "$dir/testdata/"
		rm -rf "$dir/testdata/failed"
	fi
done
changed=$(git status --porcelain -- $(for d in $pkgs; do echo "$d/testdata"; done) | grep '\.png$' || true)
if [ -n "$changed" ]; then
	echo "goldens: changed (look at each before committing):"
	echo "$changed"
else
	echo "goldens: no golden image changed"
fi
# A test that fails for another reason than a picture still fails now.
status=0
for dir in $pkgs; do
	$GO test -count=1 "$dir" >/dev/null 2>&1 || { echo "goldens: $dir still fails: run go test $dir" >&2; status=1; }
done
exit $status
