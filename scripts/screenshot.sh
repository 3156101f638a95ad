#!/usr/bin/env bash
# scripts/screenshot.sh — start ./trienlam on a private virtual screen, press
# some keys, save a picture of the screen. For looking at screens without a
# desktop (a server, CI, an SSH session).
#
# Usage: scripts/screenshot.sh [options] [-- trienlam arguments...]
#   -o FILE    where to save the PNG (default screenshot.png)
#   -s WxH     screen size (default 1280x720; 1024x768 is a small projector)
#   -k KEYS    press keys, xdotool names, e.g. -k Next, -k "Next Next",
#              -k ctrl+f, -k F11 (repeatable; done in the order given)
#   -t TEXT    type TEXT (repeatable, in order with -k)
#   -w SECS    wait after the window shows content and after each -k/-t
#              (default 1)
#   -W         save only the app's window, not the whole screen
#   -b BINARY  program to run (default ./trienlam)
#   -T TITLE   window title to wait for (a prefix; default "Trienlam")
#   -P         use this user's saved settings (default: fresh settings in a
#              temporary folder, so every picture starts the same way)
# The environment is passed on to the program (e.g. LANG, FYNE_THEME,
# FYNE_SCALE). Examples:
#   scripts/screenshot.sh -o home.png
#   scripts/screenshot.sh -s 1024x768 -k Next -o reader-1024.png
#   scripts/screenshot.sh -o pack.png -- --pack ~/packs/my-pack.zip
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/xvfb.sh
source scripts/lib/xvfb.sh

out=screenshot.png
size=1280x720
wait_s=1
window_only=
binary=./trienlam
title=Trienlam
own_settings=
actions=()

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; }

while (($# > 0)); do
	case $1 in
	-o) out=$2; shift 2 ;;
	-s) size=$2; shift 2 ;;
	-k) actions+=("key:$2"); shift 2 ;;
	-t) actions+=("type:$2"); shift 2 ;;
	-w) wait_s=$2; shift 2 ;;
	-W) window_only=1; shift ;;
	-b) binary=$2; shift 2 ;;
	-T) title=$2; shift 2 ;;
	-P) own_settings=1; shift ;;
	-h | --help) usage; exit 0 ;;
	--) shift; break ;;
	*) echo "screenshot.sh: unknown option $1" >&2; usage; exit 2 ;;
	esac
done

for tool in Xvfb xdotool xwd xwininfo import dbus-run-session; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "screenshot.sh: '$tool' is missing; run 'make deps' first." >&2
		exit 1
	fi
done
if [[ ! -x $binary ]]; then
	echo "screenshot.sh: $binary is not built; run 'make build' first." >&2
	exit 1
fi
if [[ ! $size =~ ^[0-9]+x[0-9]+$ ]]; then
	echo "screenshot.sh: -s wants WIDTHxHEIGHT, e.g. 1280x720" >&2
	exit 2
fi

drs_pid=
cleanup() {
	local app=
	if [[ -n $drs_pid && -s ${XVFB_TMP:-/nonexistent}/pid ]]; then
		app=$(cat "$XVFB_TMP/pid")
	fi
	app_stop "$app" "$drs_pid"
	drs_pid=
	xvfb_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

xvfb_start "$size"
dir=$XVFB_TMP
if [[ -z $own_settings ]]; then
	mkdir -m 700 "$dir/config"
	export XDG_CONFIG_HOME=$dir/config
	# The single-instance lock lives in the cache folder: a private one
	# lets this picture be taken while the exhibit runs elsewhere.
	mkdir -m 700 "$dir/cache"
	export XDG_CACHE_HOME=$dir/cache
fi
dbus-run-session -- sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$dir/pid" "$binary" "$@" \
	</dev/null >"$dir/app.log" 2>&1 &
drs_pid=$!

fail() {
	echo "screenshot.sh: $*; the program's output:" >&2
	sed 's/^/  /' "$dir/app.log" >&2
	exit 1
}

x_wait_window "$title" 60 "$drs_pid" || fail "no window titled '$title*' appeared"
wid=$X_WID
deadline=$(($(date +%s) + 60))
until x_has_content "$wid" "$dir/frame.xwd"; do
	proc_alive "$drs_pid" || fail "the program exited"
	(($(date +%s) < deadline)) || fail "the window stayed empty for 60 s"
done
sleep "$wait_s"

# Keys go where the X input focus is; there is no window manager to give it.
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
for a in "${actions[@]}"; do
	case $a in
	key:*) read -r -a keys <<<"${a#key:}"; xdotool key --delay 100 "${keys[@]}" ;;
	type:*) xdotool type --delay 50 -- "${a#type:}" ;;
	esac
	sleep "$wait_s"
done
proc_alive "$drs_pid" || fail "the program exited"

mkdir -p "$(dirname "$out")"
if [[ -n $window_only ]]; then
	import -window "$wid" "$out"
else
	import -window root "$out"
fi
echo "$out"
