#!/usr/bin/env bash
# packaging/build-deb.sh — make the Debian/Ubuntu package
# dist/trienlam_VERSION_amd64.deb from a built Linux binary.
#
# Usage: packaging/build-deb.sh [-b BINARY] [-o DEB]
#   -b BINARY  the trienlam binary to package (default build/linux-amd64/trienlam,
#              built first when missing); the media helper trienlam-media is
#              taken from the same folder
#   -o DEB     where to write the package (default dist/trienlam_VERSION_amd64.deb)
#   -f         fast: compress with gzip -1 instead of xz (for the checks of
#              `make test`; the contents are the same)
#
# The package holds /usr/bin/trienlam and its media helper
# /usr/bin/trienlam-media, the .desktop file, hicolor icons,
# AppStream metainfo, the man page and /usr/share/doc/trienlam. Depends is
# computed from the binary: dpkg-shlibdeps for the libraries it links, plus
# the libraries GLFW loads with dlopen (found by name in the binary and
# mapped to packages with dpkg -S). Files come from packaging/linux/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source packaging/lib.sh

bin=
out=
compress=(-Zxz)
while (($# > 0)); do
	case $1 in
	-b) bin=$2; shift 2 ;;
	-o) out=$2; shift 2 ;;
	-f) compress=(-Zgzip -z1); shift ;;
	*) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
	esac
done
need dpkg-deb dpkg-shlibdeps dpkg-query gzip
if [[ -z $bin ]]; then
	bin=$LINUX_BIN
	[[ -x $bin ]] || build_linux
fi
out=${out:-$DEB}
[[ -x $bin ]] || die "$bin is not an executable"
helper=$(dirname "$bin")/trienlam-media
[[ -x $helper ]] || die "$helper (the media helper, built with the program) is missing"

# One version everywhere: the binary, the Debian changelog, the package.
got=$("$bin" --version 2>/dev/null | head -n 1)
[[ $got == "trienlam $VERSION" ]] || die "$bin --version says '$got', FyneApp.toml says $VERSION"
top=$(sed -n '1s/^trienlam (\([^)]*\)).*/\1/p' packaging/linux/changelog)
[[ $top == "$VERSION" ]] || die "packaging/linux/changelog starts with version '$top', FyneApp.toml says $VERSION: add an entry"

say "Debian package $out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/trienlam-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
umask 022
install -D -m 0755 "$bin" "$root/usr/bin/trienlam"
# Go's -s -w leaves the linker's .comment and .note sections (lintian:
# binary-has-unneeded-section).
install -D -m 0755 "$helper" "$root/usr/bin/trienlam-media"
strip --remove-section=.comment --remove-section=.note "$root/usr/bin/trienlam" "$root/usr/bin/trienlam-media"
install -D -m 0644 packaging/linux/vn.trienlam.exhibit.desktop "$root/usr/share/applications/vn.trienlam.exhibit.desktop"
# .trienlam files open with the exhibit (shared-mime-info; its dpkg trigger
# updates the MIME database, desktop-file-utils' the desktop entry cache).
install -D -m 0644 packaging/linux/vn.trienlam.exhibit.xml "$root/usr/share/mime/packages/vn.trienlam.exhibit.xml"
subst() { sed -e "s/@VERSION@/$VERSION/g" -e "s/@DATE@/$BUILD_DATE/g" -e "s|@MAINTAINER@|$MAINTAINER|g" -e "s|@PUBLISHER@|$PUBLISHER|g" "$@"; }
mkdir -p "$root/usr/share/metainfo"
subst packaging/linux/vn.trienlam.exhibit.metainfo.xml >"$root/usr/share/metainfo/vn.trienlam.exhibit.metainfo.xml"
for n in 16 24 32 48 64 128 256; do
	install -D -m 0644 "packaging/icons/icon-$n.png" "$root/usr/share/icons/hicolor/${n}x$n/apps/vn.trienlam.exhibit.png"
done
install -D -m 0644 assets/icon.png "$root/usr/share/icons/hicolor/512x512/apps/vn.trienlam.exhibit.png"
mkdir -p "$root/usr/share/man/man1" "$root/usr/share/doc/trienlam"
# The man page's OPTIONS and COMMANDS are made from the program's own help.
"$GO" run ./cmd/genman packaging/linux/trienlam.1.in | subst | gzip -9n >"$root/usr/share/man/man1/trienlam.1.gz"
subst packaging/linux/trienlam-media.1 | gzip -9n >"$root/usr/share/man/man1/trienlam-media.1.gz"
subst packaging/linux/copyright >"$root/usr/share/doc/trienlam/copyright"
subst packaging/linux/changelog | gzip -9n >"$root/usr/share/doc/trienlam/changelog.gz"
gzip -9n <THIRD_PARTY_NOTICES.md >"$root/usr/share/doc/trienlam/THIRD_PARTY_NOTICES.md.gz"
chmod 0644 "$root"/usr/share/man/man1/* "$root"/usr/share/doc/trienlam/*

# --- Depends ----------------------------------------------------------------
# Linked libraries: dpkg-shlibdeps wants a debian/control beside it.
# libmpv2, which only the media helper links, is left to Recommends: the
# exhibit runs without it (docs/media.md).
mkdir -p "$tmp/src/debian"
printf 'Source: trienlam\n\nPackage: trienlam\nArchitecture: amd64\n' >"$tmp/src/debian/control"
linked=$(cd "$tmp/src" && dpkg-shlibdeps -O --warnings=0 -xlibmpv2 -e "$root/usr/bin/trienlam" -e "$root/usr/bin/trienlam-media" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[[ -n $linked ]] || die "dpkg-shlibdeps found no libraries in $bin"
# Libraries GLFW (and audio) open at run time with dlopen, which
# dpkg-shlibdeps cannot see. Listed when the binary names them; the
# optional ones (Vulkan, libdecor, OSMesa, GLES, X11-xcb) are left out.
dlopened=(libX11.so.6 libXext.so.6 libXrender.so.1 libXcursor.so.1 libXrandr.so.2
	libXinerama.so.1 libXi.so.6 libXxf86vm.so.1 libEGL.so.1 libwayland-client.so.0
	libwayland-cursor.so.0 libwayland-egl.so.1 libxkbcommon.so.0 libasound.so.2)
names=$(strings -n 8 "$bin" | grep -E '^lib[A-Za-z0-9_+-]+\.so(\.[0-9]+)+$' | sort -u)
extra=()
for so in "${dlopened[@]}"; do
	grep -qxF "$so" <<<"$names" || continue
	pkg=$(dpkg-query -S "*/$so" 2>/dev/null | grep -v -e '-dev' -e 'i386' | head -n 1 | cut -d: -f1) || true
	[[ -n $pkg ]] || die "$so is loaded by the program but no installed package has it; install its package (apt-file search $so)"
	extra+=("$pkg")
done
depends=$(printf '%s\n' "$linked" | tr ',' '\n' | sed 's/^ *//; s/ *$//' | grep -v '^$'; printf '%s\n' "${extra[@]}")
# Merge: one line per package, keeping a versioned entry over a bare one.
depends=$(printf '%s\n' "$depends" | awk '{ n=$1; if (!(n in seen) || length($0) > length(seen[n])) seen[n]=$0; if (!(n in order)) { order[n]=++k; names[k]=n } } END { for (i=1;i<=k;i++) { printf "%s%s", (i>1?", ":""), seen[names[i]] } print "" }')

size=$(du -sk --apparent-size "$root/usr" | cut -f1)
mkdir -p "$root/DEBIAN"
cat >"$root/DEBIAN/control" <<EOF
Package: trienlam
Version: $VERSION
Architecture: amd64
Maintainer: $MAINTAINER
Installed-Size: $size
Depends: $depends
Recommends: libmpv2
Section: education
Priority: optional
Description: offline exhibition for kiosks and projectors
 Trienlam presents an exhibit pack (text chapters, pictures and a timeline)
 on a PC, a kiosk or a laptop with a projector. It is made for commune
 cultural houses in Vietnam: it needs no network and runs on old PCs.
 .
 The exhibit built in is "Kỷ niệm 80 năm ngày thành lập Chi bộ Chí Kiên
 (22/9/1943 - 22/9/2023)", the 80th anniversary of the Chí Kiên Party
 cell. Other exhibits open from a folder or a .zip file, which staff edit
 with a text editor and check with "trienlam validate".
EOF
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
find "$root" -type d -exec chmod 0755 {} +
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$(dirname "$out")"
dpkg-deb --root-owner-group "${compress[@]}" --build "$root" "$out" >/dev/null
echo "$out"
