#!/usr/bin/env bash
# packaging/build-tarball.sh — the tarball `fyne package -os linux` makes
# (binary, .desktop file and icon for /usr/local, with a Makefile to
# install them), as dist/trienlam-VERSION-linux-amd64.tar.xz.
#
# fyne package bumps Build in FyneApp.toml and names the program after the
# module path: it runs here on a copy of FyneApp.toml in a temporary folder,
# on the already-built release binary, with Build and the name pinned.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source packaging/lib.sh

[[ -x $LINUX_BIN ]] || build_linux
build=$(sed -n 's/^[[:space:]]*Build[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' FyneApp.toml | head -n 1)
say "Linux tarball $TARBALL (fyne package, build ${build:-1})"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/trienlam-tarball.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/assets"
cp FyneApp.toml "$tmp/"
cp assets/icon.png "$tmp/assets/"
cp "$LINUX_BIN" "$tmp/trienlam"
# fyne package wants Go code in --src even when given --executable; it does
# not build it.
printf 'package main\n\nfunc main() {}\n' >"$tmp/main.go"
(cd "$tmp" && "$GO" run "$FYNE_TOOL" package -os linux --release --src . --executable trienlam \
	--name Trienlam --app-id vn.trienlam.exhibit --app-version "$VERSION" --app-build "${build:-1}" \
	--icon assets/icon.png)
mkdir -p "$DIST"
mv "$tmp/Trienlam.tar.xz" "$TARBALL"
echo "$TARBALL"
