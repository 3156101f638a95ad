#!/usr/bin/env bash
# scripts/deps.sh — make sure this machine can build (and test) Trienlam.
#
#   scripts/deps.sh          everything: build tools, and what the tests and
#                            benchmarks run (Xvfb, D-Bus, xdotool, ImageMagick)
#   scripts/deps.sh build    only what `go build` needs
#   scripts/deps.sh dist     everything, and what the installers need to be
#                            built and verified: the mingw-w64 cross
#                            compiler and Wine (make dist, make verify-installers)
#
# 1. Go must be installed and at least the version go.mod asks for.
# 2. The Debian/Ubuntu packages are checked with dpkg-query; only when some
#    are missing does it run apt-get (update + install) as root, or print the
#    exact sudo command and fail when not root. A second run on a set-up
#    machine therefore takes about a second and needs no network.
# 3. `go mod download` fetches the Go modules (a no-op when they are cached).
# Called by `make deps`, `make build`, `make run`, `make test`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

what=${1:-all}
case $what in
all | build | dist) ;;
*)
	echo "usage: scripts/deps.sh [all|build|dist]" >&2
	exit 2
	;;
esac

# Fyne 2.8 on Linux: cgo (gcc), OpenGL and X11 headers, ALSA for audio, and
# the Wayland headers because its GLFW builds both X11 and Wayland back ends.
build_packages=(gcc pkg-config libgl1-mesa-dev xorg-dev libasound2-dev
	libwayland-dev libxkbcommon-dev wayland-protocols)
# The media helper (cmd/trienlam-media) links libmpv: its headers to build
# it. The exhibit itself never links libmpv (docs/media.md).
build_packages+=(libmpv-dev)
# Tests, screenshots and the start-up benchmark run real windows on a virtual
# display: Xvfb, a session bus (dbus-run-session), xdotool to find windows and
# press keys, xwininfo (x11-utils), xwd (x11-apps) and ImageMagick's import.
test_packages=(xvfb dbus xdotool x11-utils x11-apps imagemagick)
# scripts/hall.sh also runs the program under a window manager that
# maximises windows as a desktop does.
test_packages+=(openbox)
# platform/richclip's test puts HTML on a real X clipboard with xclip.
test_packages+=(xclip)
# scripts/bench/cpu.sh plays narration into a PulseAudio null sink, in real
# time (ALSA's own null device plays faster than real time); the audio
# tests play into one and record it with parec (pulseaudio-utils) to check
# what was heard.
test_packages+=(pulseaudio pulseaudio-utils libasound2-plugins)
# The media tests run the helper (libmpv2, its run-time library) on clips
# they make with ffmpeg.
test_packages+=(libmpv2 ffmpeg)
# make test also checks the installers (packaging/check.sh): the .deb is
# built with dpkg-deb/dpkg-shlibdeps (dpkg-dev) and checked with lintian,
# desktop-file-validate (desktop-file-utils) and appstreamcli (appstream);
# the Windows installer script is compiled with makensis (nsis).
test_packages+=(dpkg-dev lintian desktop-file-utils appstream nsis shared-mime-info)
# make dist / make verify-installers: the Windows cross build (mingw-w64)
# and Wine to install and run the Windows installer.
dist_packages=(mingw-w64 wine wine64)

packages=("${build_packages[@]}")
if [[ $what == all || $what == dist ]]; then
	packages+=("${test_packages[@]}")
fi
if [[ $what == dist ]]; then
	packages+=("${dist_packages[@]}")
fi

# --- Go ---------------------------------------------------------------------
if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then
	export PATH=$PATH:/usr/local/go/bin
fi
need_go=$(awk '$1 == "go" { print $2; exit }' go.mod)
if ! command -v go >/dev/null 2>&1; then
	cat >&2 <<EOF
deps: Go is not installed (or not on PATH).
      Trienlam needs Go ${need_go} or later: download the Linux tarball from
      https://go.dev/dl/, unpack it into /usr/local (so /usr/local/go/bin/go
      exists) and add /usr/local/go/bin to PATH. Debian's golang package is
      too old.
EOF
	exit 1
fi
# GOTOOLCHAIN=local: ask this go its own version; never let it try to fetch a
# newer toolchain (the exhibit machines are offline).
have_go=$(GOTOOLCHAIN=local go env GOVERSION 2>/dev/null || true)
have_go=${have_go#go}
have_go=${have_go%%[-+ ]*}
if [[ -z $have_go ]] || [[ $(printf '%s\n%s\n' "$need_go" "$have_go" | sort -V | head -n 1) != "$need_go" ]]; then
	cat >&2 <<EOF
deps: go.mod needs Go ${need_go} or later, but '$(command -v go)' is Go ${have_go:-of unknown version}.
      Install a newer Go from https://go.dev/dl/ into /usr/local/go and put
      /usr/local/go/bin first on PATH.
EOF
	exit 1
fi

# --- Debian/Ubuntu packages --------------------------------------------------
if command -v dpkg-query >/dev/null 2>&1; then
	missing=()
	for p in "${packages[@]}"; do
		status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
		# The second letter is the state: "i" = installed ("ii", or "hi" when held).
		if [[ ${status:1:1} != i ]]; then
			missing+=("$p")
		fi
	done
	if ((${#missing[@]} > 0)); then
		if [[ $(id -u) == 0 ]]; then
			echo "deps: installing ${missing[*]}"
			export DEBIAN_FRONTEND=noninteractive
			apt-get update
			apt-get install -y --no-install-recommends "${missing[@]}"
		else
			cat >&2 <<EOF
deps: these packages are missing: ${missing[*]}
      Install them (once) with:

  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}

      then run make again.
EOF
			exit 1
		fi
	fi
else
	echo "deps: not a Debian/Ubuntu system (no dpkg-query); make sure the equivalents of these are installed: ${packages[*]}" >&2
fi

# --- Go modules ----------------------------------------------------------------
go mod download
