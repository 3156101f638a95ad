#!/usr/bin/env bash
# packaging/check.sh — the quick installer checks `make test` runs every
# time (about 20 s once the release binary is cached), without the slow
# Windows cross build:
#   1. the icons in the repository are what cmd/icongen draws now;
#   2. the .deb builds from the Linux release binary, and lintian finds no
#      error or warning in it;
#   3. its .desktop file passes desktop-file-validate and its AppStream
#      metainfo passes appstreamcli validate;
#   4. the NSIS script compiles (makensis, warnings are errors) around a
#      tiny stand-in payload, and compiles to the same setup.exe again.
# The full round trip (install, run, screenshot, uninstall, on Linux and
# under Wine) is `make verify-installers` (packaging/verify-installers.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source packaging/lib.sh
need lintian desktop-file-validate appstreamcli makensis dpkg-deb update-mime-database

tmp=$(mktemp -d "${TMPDIR:-/tmp}/trienlam-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

say "icons are up to date (go generate ./assets)"
"$GO" run ./cmd/icongen -root "$tmp/icons"
for f in assets/icon.png assets/window-icon.png packaging/icons/*.png packaging/windows/trienlam.ico packaging/windows/welcome.bmp; do
	cmp -s "$f" "$tmp/icons/$f" || die "$f differs from what cmd/icongen draws: run 'go generate ./assets' and commit"
done

build_linux
packaging/build-deb.sh -f -b "$LINUX_BIN" -o "$tmp/trienlam.deb" >/dev/null

say "lintian"
# As root lintian says it would rather not be; its tags are what count.
if ! lintian --fail-on error,warning "$tmp/trienlam.deb" >"$tmp/lintian.log" 2>&1; then
	grep -v '^running with root privileges' "$tmp/lintian.log" >&2 || true
	die "lintian found errors or warnings in the .deb (see above; packaging/README.md explains the kept info tags)"
fi
grep -v '^running with root privileges' "$tmp/lintian.log" || true

say "desktop-file-validate, appstreamcli validate"
dpkg-deb -x "$tmp/trienlam.deb" "$tmp/root"
desktop-file-validate "$tmp/root/usr/share/applications/vn.trienlam.exhibit.desktop"
appstreamcli validate --no-net --pedantic --no-color \
	"$tmp/root/usr/share/metainfo/vn.trienlam.exhibit.metainfo.xml" >"$tmp/as.log" 2>&1 ||
	{ cat "$tmp/as.log" >&2; die "appstreamcli validate failed"; }
grep -q "<release version=\"$VERSION\"" "$tmp/root/usr/share/metainfo/vn.trienlam.exhibit.metainfo.xml" ||
	die "the metainfo's release is not $VERSION"

say ".trienlam files: the MIME type and the desktop entry that opens them"
# update-mime-database parses the shared-mime-info XML (it refuses a broken
# one) and must map *.trienlam to the type the desktop entry opens.
mkdir -p "$tmp/mime/packages"
cp "$tmp/root/usr/share/mime/packages/vn.trienlam.exhibit.xml" "$tmp/mime/packages/"
update-mime-database "$tmp/mime" >"$tmp/mime.log" 2>&1 ||
	{ cat "$tmp/mime.log" >&2; die "update-mime-database refused vn.trienlam.exhibit.xml"; }
grep -q '^[0-9]*:application/x-trienlam:\*\.trienlam' "$tmp/mime/globs2" ||
	die "the MIME database does not map *.trienlam to application/x-trienlam"
grep -q '^MimeType=application/x-trienlam;' "$tmp/root/usr/share/applications/vn.trienlam.exhibit.desktop" ||
	die "the desktop entry does not open application/x-trienlam"
grep -q '^Exec=trienlam %f$' "$tmp/root/usr/share/applications/vn.trienlam.exhibit.desktop" ||
	die "the desktop entry does not pass the file (%f)"

say "NSIS script compiles"
mkdir "$tmp/payload"
printf 'MZ stand-in\n' >"$tmp/payload/trienlam.exe"
printf 'MZ stand-in\n' >"$tmp/payload/trienlam-media.exe"
cp LICENSE "$tmp/payload/LICENSE.txt"
printf 'notices\n' >"$tmp/payload/THIRD_PARTY_NOTICES.txt"
stamp_payload "$tmp/payload"
makensis -V2 -WX -DVERSION="$VERSION" -DPAYLOAD_DIR="$tmp/payload" \
	-DOUTFILE="$tmp/trienlam-$VERSION-windows-amd64-setup.exe" packaging/windows/trienlam.nsi

say "setup.exe is the same when built again"
# The payload written again later (a rebuild), then stamped as the build
# script stamps it: the installer must not change by a byte.
touch "$tmp/payload"/*
stamp_payload "$tmp/payload"
makensis -V2 -WX -DVERSION="$VERSION" -DPAYLOAD_DIR="$tmp/payload" \
	-DOUTFILE="$tmp/again-setup.exe" packaging/windows/trienlam.nsi
cmp "$tmp/trienlam-$VERSION-windows-amd64-setup.exe" "$tmp/again-setup.exe" ||
	die "setup.exe differs when built twice from the same files"
say "installer checks passed"
