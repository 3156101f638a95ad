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
# What fyne package leaves out is added beside the program: the licence
# (a GPL binary ships with its licence), the third-party notices, the media
# helper and the man pages, then the archive is made again in a fixed
# order with fixed dates and owners, so one commit makes one tarball.
mkdir "$tmp/x"
tar -xJf "$tmp/Trienlam.tar.xz" -C "$tmp/x"
bindir=$(dirname "$(cd "$tmp/x" && find . -type f -name trienlam -perm -u+x | head -n 1)")
[[ $bindir != . ]] || die "fyne package's tarball has no trienlam program"
top=$tmp/x/$(dirname "$bindir")
[[ -x $MEDIA_LINUX_BIN ]] || die "$MEDIA_LINUX_BIN is missing: run packaging/build-linux.sh"
install -m 0755 "$MEDIA_LINUX_BIN" "$tmp/x/$bindir/trienlam-media"
mkdir -p "$top/share/doc/trienlam" "$top/share/man/man1"
install -m 0644 LICENSE THIRD_PARTY_NOTICES.md "$top/share/doc/trienlam/"
subst() { sed -e "s/@VERSION@/$VERSION/g" -e "s/@DATE@/$BUILD_DATE/g"; }
"$GO" run ./cmd/genman packaging/linux/trienlam.1.in | subst | gzip -9n >"$top/share/man/man1/trienlam.1.gz"
subst <packaging/linux/trienlam-media.1 | gzip -9n >"$top/share/man/man1/trienlam-media.1.gz"
mk=$(cd "$tmp/x" && find . -name Makefile | head -n 1)
[[ -n $mk ]] || die "fyne package's tarball has no Makefile"
rel=${top#"$tmp/x/$(dirname "$mk")/"}
# fyne's Makefile installs only what it made; install the rest too.
cat >>"$tmp/x/$mk" <<EOF

install: install-extra
install-extra:
	install -Dm00755 $rel/bin/trienlam-media \$(DESTDIR)\$(PREFIX)/bin/trienlam-media
	install -Dm00644 -t \$(DESTDIR)\$(PREFIX)/share/doc/trienlam $rel/share/doc/trienlam/LICENSE $rel/share/doc/trienlam/THIRD_PARTY_NOTICES.md
	install -Dm00644 -t \$(DESTDIR)\$(PREFIX)/share/man/man1 $rel/share/man/man1/trienlam.1.gz $rel/share/man/man1/trienlam-media.1.gz
EOF
mkdir -p "$DIST"
(cd "$tmp/x" && tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
	-cf - .) | xz -T1 -6 >"$TARBALL"
echo "$TARBALL"
