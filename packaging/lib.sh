# shellcheck shell=bash
# Shared by the packaging scripts: the version, the reproducible time stamp
# and small helpers. Source it from the repository root; it defines
# variables and functions only.

# VERSION: FyneApp.toml's Details.Version, the one version number of the
# binary, the installers and their file names. `make` passes it in.
if [[ -z ${VERSION:-} ]]; then
	VERSION=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml | head -n 1)
fi
if [[ ! ${VERSION:-} =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
	echo "packaging: FyneApp.toml's Version '${VERSION:-}' is not MAJOR.MINOR.PATCH" >&2
	exit 1
fi
export VERSION

# SOURCE_DATE_EPOCH: the time of the last commit, so two builds of one
# commit make the same files (dates in the man page, metainfo, archives).
if [[ -z ${SOURCE_DATE_EPOCH:-} ]]; then
	SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
fi
export SOURCE_DATE_EPOCH
BUILD_DATE=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)

# Who made this build: the .deb's Maintainer, the Windows installer's
# Publisher and CompanyName. Set them at `make dist MAINTAINER="Name <mail>"`;
# the default says plainly that the build is a local one, not a release by
# anyone in particular (packaging/README.md).
MAINTAINER=${MAINTAINER:-"Trienlam local build (not an official release) <unofficial-build@trienlam.invalid>"}
PUBLISHER=${PUBLISHER:-${MAINTAINER%% <*}}
export MAINTAINER PUBLISHER

# Where things go: build/ for intermediate files, dist/ for what is shipped.
DIST=${DIST:-dist}
BUILD=${BUILD:-build}
LINUX_BIN=$BUILD/linux-amd64/trienlam
WINDOWS_EXE=$BUILD/windows-amd64/trienlam.exe
# The media helper (cmd/trienlam-media, docs/media.md) goes beside the
# program, where Trienlam looks for it.
MEDIA_LINUX_BIN=$BUILD/linux-amd64/trienlam-media
MEDIA_WINDOWS_EXE=$BUILD/windows-amd64/trienlam-media.exe
DEB=$DIST/trienlam_${VERSION}_amd64.deb
WINDOWS_SETUP=$DIST/trienlam-$VERSION-windows-amd64-setup.exe
TARBALL=$DIST/trienlam-$VERSION-linux-amd64.tar.xz

GO=${GO:-go}
# The exhibit's build tags (GOFLAGS), as `make build` uses them.
# shellcheck source=scripts/lib/tags.sh
source scripts/lib/tags.sh
# Build flags of the release binaries: no symbol tables (-s -w), no build
# paths (-trimpath), the version stamped in.
GO_LDFLAGS="-s -w -X trienlam/internal/cli.Version=$VERSION"

# Tools run with `go run` at a pinned version (not in go.mod: they are build
# tools, not part of the program).
GO_WINRES=github.com/tc-hib/go-winres@v0.3.3
FYNE_TOOL=fyne.io/tools/cmd/fyne@v1.7.4

# stamp_payload DIR: every file under DIR dated SOURCE_DATE_EPOCH. NSIS
# stores each file's date in setup.exe, so a rebuilt exe, byte for byte the
# same but written now, would make another setup.exe.
stamp_payload() {
	find "$1" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() {
	echo "packaging: $*" >&2
	exit 1
}
need() {
	local t
	for t in "$@"; do
		command -v "$t" >/dev/null 2>&1 || die "'$t' is missing; run 'scripts/deps.sh dist' (or make deps)."
	done
}

# build_linux: the release binaries for Linux amd64 (the program and its
# media helper, which links libmpv), as position-independent executables
# with full RELRO (lintian's hardening checks).
build_linux() {
	say "Linux binaries $LINUX_BIN, $MEDIA_LINUX_BIN ($VERSION)"
	mkdir -p "$(dirname "$LINUX_BIN")"
	"$GO" build -trimpath -buildmode=pie \
		-ldflags "$GO_LDFLAGS -extldflags=-Wl,-z,relro,-z,now" \
		-o "$LINUX_BIN" .
	"$GO" build -trimpath -buildmode=pie \
		-ldflags "$GO_LDFLAGS -extldflags=-Wl,-z,relro,-z,now" \
		-o "$MEDIA_LINUX_BIN" ./cmd/trienlam-media
}
