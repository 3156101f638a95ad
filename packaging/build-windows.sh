#!/usr/bin/env bash
# packaging/build-windows.sh — cross-compile trienlam.exe for Windows 10+
# (amd64) with mingw-w64 and make the installer
# dist/trienlam-VERSION-windows-amd64-setup.exe with NSIS.
#
# Usage: packaging/build-windows.sh [-n]
#   -n   no Go build: package the build/windows-amd64/trienlam.exe already there
#
# The exe gets its icon, version information and a per-monitor-DPI-aware
# manifest from go-winres (packaging/windows/winres.json, run with `go run`
# at a pinned version). The first cross build compiles Fyne's C parts for
# Windows and takes several minutes; later ones take seconds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source packaging/lib.sh

gobuild=1
case ${1:-} in
-n) gobuild= ;;
"") ;;
*) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
need x86_64-w64-mingw32-gcc makensis

if [[ -n $gobuild ]]; then
	say "Windows binary $WINDOWS_EXE ($VERSION)"
	# go build links every rsrc_windows_amd64.syso of the main package into
	# a Windows build (and ignores it otherwise); it lives only for the build.
	syso=rsrc_windows_amd64.syso
	trap 'rm -f "$syso"' EXIT
	# The company name is the build's publisher (packaging/lib.sh); the
	# edited copy stays beside the icon it names.
	winres=packaging/windows/winres-build.json
	trap 'rm -f "$syso" "$winres"' EXIT
	sed "s|\"CompanyName\": \"[^\"]*\"|\"CompanyName\": \"$PUBLISHER\"|" packaging/windows/winres.json >"$winres"
	"$GO" run "$GO_WINRES" make --in "$winres" --out rsrc --arch amd64 \
		--file-version "$VERSION" --product-version "$VERSION"
	mkdir -p "$(dirname "$WINDOWS_EXE")"
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		"$GO" build -trimpath -ldflags "-H windowsgui $GO_LDFLAGS" -o "$WINDOWS_EXE" .
	rm -f "$syso" "$winres"
	# The media helper: pure Go (go-mpv's nocgo build loads libmpv.dll at
	# run time, docs/media.md), a GUI program so no console window opens
	# when the exhibit starts it.
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 "$GO" build -trimpath -tags nocgo \
		-ldflags "-H windowsgui $GO_LDFLAGS" -o "$MEDIA_WINDOWS_EXE" ./cmd/trienlam-media
fi
[[ -f $WINDOWS_EXE ]] || die "$WINDOWS_EXE is missing; run without -n"
[[ -f $MEDIA_WINDOWS_EXE ]] || die "$MEDIA_WINDOWS_EXE is missing; run without -n"

say "Windows installer $WINDOWS_SETUP"
payload=$(dirname "$WINDOWS_EXE")
cp LICENSE "$payload/LICENSE.txt"
cp THIRD_PARTY_NOTICES.md "$payload/THIRD_PARTY_NOTICES.txt"
# The same commit makes the same setup.exe, byte for byte (see check.sh).
stamp_payload "$payload"
mkdir -p "$DIST"
makensis -V2 -WX -DVERSION="$VERSION" -DPUBLISHER="$PUBLISHER" -DPAYLOAD_DIR="$PWD/$payload" \
	-DOUTFILE="$PWD/$WINDOWS_SETUP" packaging/windows/trienlam.nsi
echo "$WINDOWS_SETUP"
