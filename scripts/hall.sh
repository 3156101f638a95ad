#!/usr/bin/env bash
# scripts/hall.sh — walk the real program on the displays halls have, and
# fail when a window is ever larger than the display or a screen is blank.
#
# The Fyne test driver renders whatever size a layout asks for; only the real
# program on a real (virtual) display shows a window growing past the
# screen. For each display size this starts ./trienlam on a private Xvfb,
# bare and under openbox (which maximises windows as a desktop does), and
# walks every screen by keys and clicks: home (windowed and full screen);
# each chapter's top, middle and end; the contents; search with results and
# a hit opened; the timeline whole, zoomed and with a card; the gallery and a
# picture opened by a tap on its tile (the pointer jumping from the title and
# pressing at once, as a finger does); the original text; settings and
# about; the presenter's first slide, a picture slide and black; the guided
# tour; then kiosk mode's start, countdown, attract loop and staff PIN.
#
# After every step it reads the window's size (xdotool) and the screen the
# program says it shows (TRIENLAM_SCREEN_LOG): a step that lands elsewhere
# fails at once, by name. Every picture must have more than a handful of
# colours (the presenter's black slide excepted). One contact sheet per
# size: OUT/hall-WxH.png.
#
# Usage: scripts/hall.sh [options]
#   -s SIZES   display sizes (default "1024x768 1280x720 1366x768 1920x1080 3840x2160")
#   -m MODES   "bare", "openbox" or both (default "bare openbox")
#   -o DIR     where the pictures and sheets go (default build/hall)
#   -b BINARY  program to run (default ./trienlam)
# Each pass uses fresh settings: bare runs at the Projector text size in
# Vietnamese with the light colours, openbox at the Projector size in
# English with the dark colours (the Go test TestEveryScreenFitsTheSmallestDisplay
# covers every size step in both languages). Needs Xvfb, openbox, xdotool,
# x11-utils, ImageMagick and dbus (scripts/deps.sh installs them).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/xvfb.sh
source scripts/lib/xvfb.sh

sizes="1024x768 1280x720 1366x768 1920x1080 3840x2160"
modes="bare openbox"
out=build/hall
binary=./trienlam

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; }
while (($# > 0)); do
	case $1 in
	-s) sizes=$2; shift 2 ;;
	-m) modes=$2; shift 2 ;;
	-o) out=$2; shift 2 ;;
	-b) binary=$2; shift 2 ;;
	-h | --help) usage; exit 0 ;;
	*) echo "hall.sh: unknown option $1" >&2; usage; exit 2 ;;
	esac
done
for tool in Xvfb xdotool xwininfo import convert montage dbus-run-session; do
	command -v "$tool" >/dev/null 2>&1 || { echo "hall.sh: '$tool' is missing; run 'make deps' first." >&2; exit 1; }
done
if [[ $modes == *openbox* ]] && ! command -v openbox >/dev/null 2>&1; then
	echo "hall.sh: 'openbox' is missing; run 'make deps' first." >&2
	exit 1
fi
[[ -x $binary ]] || { echo "hall.sh: $binary is not built; run 'make build' first." >&2; exit 1; }
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
mkdir -p "$out"

# --- State of the current pass ----------------------------------------------
drs_pid=
wm_pid=
wid=
screen_w=0
screen_h=0
shot_n=0
pass=
pass_dir=
log=
failures=()
widest="" # the largest window seen in this pass, "WxH"
too_w=0    # the largest too-large size reported in this pass
too_h=0

cleanup() {
	stop_app
	if [[ -n $wm_pid ]]; then kill "$wm_pid" 2>/dev/null || true; wait "$wm_pid" 2>/dev/null || true; wm_pid=; fi
	xvfb_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
	echo "hall.sh: $pass: $*" >&2
	failures+=("$pass: $*")
}

# die ends the pass: a step failed in a way the walk cannot go on from.
die() {
	fail "$*"
	if [[ -s $XVFB_TMP/app.log ]]; then
		echo "  the program's output (last lines):" >&2
		tail -n 15 "$XVFB_TMP/app.log" | sed 's/^/    /' >&2
	fi
	return 1
}

stop_app() {
	local app=
	if [[ -n $drs_pid && -s ${XVFB_TMP:-/nonexistent}/pid ]]; then app=$(cat "$XVFB_TMP/pid"); fi
	app_stop "$app" "$drs_pid"
	drs_pid=
	rm -f "${XVFB_TMP:-/nonexistent}/pid"
}

# start_app [ARGS...]: starts the program and waits for its first frame.
start_app() {
	# The log starts empty for each start (the walk reads its last line);
	# what the earlier start logged is kept for the pass's folder.
	[[ -s $log ]] && cat "$log" >>"$log.all"
	: >"$log"
	TRIENLAM_SCREEN_LOG=$log TRIENLAM_IDLE_SECONDS=4 \
		dbus-run-session -- sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$XVFB_TMP/pid" "$binary" "$@" \
		</dev/null >>"$XVFB_TMP/app.log" 2>&1 &
	drs_pid=$!
	x_wait_window Trienlam 60 "$drs_pid" || { die "no window appeared"; return 1; }
	wid=$X_WID
	local deadline=$(($(date +%s) + 60))
	until x_has_content "$wid" "$XVFB_TMP/frame.xwd"; do
		proc_alive "$drs_pid" || { die "the program exited"; return 1; }
		(($(date +%s) < deadline)) || { die "the window stayed empty for 60 s"; return 1; }
		sleep 0.1
	done
	sleep 1
}

# check_size: the window must never be larger than the display.
check_size() {
	local geo w h
	geo=$(xdotool getwindowgeometry "$wid" 2>/dev/null | awk '/Geometry:/ { print $2 }') || return 0
	[[ $geo =~ ^([0-9]+)x([0-9]+)$ ]] || return 0
	w=${BASH_REMATCH[1]} h=${BASH_REMATCH[2]}
	if [[ -z $widest ]] || ((w > ${widest%x*})); then widest="${w}x${h}"; fi
	# Reported when it first happens and each time it grows further.
	if ((w > screen_w || h > screen_h)) && ((w > too_w || h > too_h)); then
		too_w=$((w > too_w ? w : too_w)) too_h=$((h > too_h ? h : too_h))
		fail "after '$1' (screen '$(current)') the window is ${w}x${h}, larger than the ${screen_w}x${screen_h} display"
	fi
}

focus() {
	xdotool windowactivate --sync "$wid" >/dev/null 2>&1 || xdotool windowfocus "$wid" 2>/dev/null || true
}

# key STEP KEYS...: presses keys (xdotool names) in the app's window.
key() {
	local step=$1
	shift
	focus
	xdotool key --delay 120 "$@"
	sleep 0.5
	proc_alive "$drs_pid" || { die "the program exited after '$step'"; return 1; }
	check_size "$step"
}

# click STEP XFRAC YFRAC: clicks at a point of the window given as
# fractions of its width and height.
click() {
	local step=$1 geo w h
	geo=$(xdotool getwindowgeometry "$wid" | awk '/Geometry:/ { print $2 }')
	w=${geo%x*} h=${geo#*x}
	focus
	xdotool mousemove --window "$wid" "$(awk -v a="$w" -v f="$2" 'BEGIN { printf "%d", a * f }')" \
		"$(awk -v a="$h" -v f="$3" 'BEGIN { printf "%d", a * f }')" click 1
	sleep 0.6
	proc_alive "$drs_pid" || { die "the program exited after '$step'"; return 1; }
	check_size "$step"
}

# rest XFRAC YFRAC: moves the pointer to a point of the window, as fractions
# of its width and height, and leaves it there a moment.
rest() {
	local geo w h
	geo=$(xdotool getwindowgeometry "$wid" | awk '/Geometry:/ { print $2 }')
	w=${geo%x*} h=${geo#*x}
	xdotool mousemove --window "$wid" "$(awk -v a="$w" -v f="$1" 'BEGIN { printf "%d", a * f }')" \
		"$(awk -v a="$h" -v f="$2" 'BEGIN { printf "%d", a * f }')"
	sleep 0.5
}

current() { tail -n 1 "$log" 2>/dev/null || true; }

# expect_full STEP: the window covers the whole display.
expect_full() {
	local geo
	geo=$(xdotool getwindowgeometry "$wid" | awk '/Geometry:/ { print $2 }')
	if [[ $geo != "${screen_w}x${screen_h}" ]]; then
		fail "after '$1' the window is ${geo:-gone}, not full screen (${screen_w}x${screen_h})"
	fi
}

# expect STEP REGEX [TIMEOUT_S]: waits until the program says it shows a
# screen matching REGEX.
expect() {
	local step=$1 want=$2 timeout=${3:-5} deadline
	deadline=$(($(date +%s) + timeout))
	while ! current | grep -Eq "^($want)\$"; do
		if (($(date +%s) >= deadline)); then
			die "'$step' should show '$want', but the program shows '$(current)'"
			return 1
		fi
		sleep 0.1
	done
}

# shot NAME [blank]: a picture of the display; fails when it is blank,
# unless the step is meant to be ("blank").
shot() {
	local name=$1 file colours
	sleep 0.4
	check_size "$name"
	shot_n=$((shot_n + 1))
	file=$(printf '%s/%02d-%s.png' "$pass_dir" "$shot_n" "$name")
	import -window root "$file"
	colours=$(convert "$file" -scale 25% -format %k info:)
	if [[ ${2:-} != blank ]] && ((colours < 16)); then
		fail "screen '$name' is blank ($colours colours): $file"
	fi
}

# go_home: Esc until the home screen shows.
go_home() {
	local i
	for ((i = 0; i < 5; i++)); do
		[[ $(current) == home* ]] && return 0
		key "back home" Escape
	done
	expect "back home" "home.*" 2
}

# home_targets maps what a Tab from the home screen reaches (the n-th
# button, pressed with Space) to n: found once per program start, so the
# walk needs no button positions and survives new buttons.
declare -A home_targets
find_home_targets() {
	local i got before w
	home_targets=()
	for ((i = 1; i <= 14; i++)); do
		go_home || return 1
		focus
		before=$(wc -l <"$log")
		xdotool key --delay 60 $(printf 'Tab %.0s' $(seq "$i")) space
		# Wait for the screen to change (a loaded machine is slow), or
		# take it that this button leads nowhere new.
		for ((w = 0; w < 30; w++)); do
			(($(wc -l <"$log") > before)) && break
			sleep 0.1
		done
		sleep 0.3
		got=$(current)
		if [[ $got != home* && -z ${home_targets[$got]:-} ]]; then
			home_targets[$got]=$i
		fi
		local need missing=
		for need in timeline gallery original settings "reader 1 tour"; do
			[[ -n ${home_targets[$need]:-} ]] || missing=1
		done
		[[ -n $missing ]] || break
	done
	go_home
}

# open_from_home STEP SCREEN: opens a screen reached from a home button.
open_from_home() {
	local step=$1 target=$2 n
	n=${home_targets[$target]:-}
	[[ -n $n ]] || { die "'$step': no button on the home screen leads to '$target' (found: ${!home_targets[*]})"; return 1; }
	go_home || return 1
	focus
	xdotool key --delay 60 $(printf 'Tab %.0s' $(seq "$n")) space
	sleep 0.5
	check_size "$step"
}

prefs() { # prefs LANG THEME: fresh settings for a pass
	local dir=$XVFB_TMP/config/fyne/vn.trienlam.exhibit
	mkdir -p "$dir"
	# The PIN need not be a real one: the walk only opens the PIN dialog.
	printf '{"textStep":3,"language":"%s","theme":"%s","kiosk.pin":"hall-check"}\n' "$1" "$2" >"$dir/preferences.json"
	export XDG_CONFIG_HOME=$XVFB_TMP/config
	# The one-exhibit-per-user lock lives in the cache folder: a private
	# one, so an exhibit running elsewhere on this machine does not stop
	# the walk.
	mkdir -p "$XVFB_TMP/cache"
	export XDG_CACHE_HOME=$XVFB_TMP/cache
}

# --- The walk ---------------------------------------------------------------
walk() {
	local i n
	start_app || return 1
	expect "start" "home" 10 || return 1
	shot home
	key "full screen" F11
	shot home-fullscreen
	key "windowed" F11
	key "home end" End
	shot home-end
	key "home top" Home

	# Chapters: top, middle, end, then on to the next.
	key "start reading" Return
	expect "start reading" "reader 1" || return 1
	n=0
	while [[ $(current) =~ ^reader\ ([0-9]+)$ ]]; do
		i=${BASH_REMATCH[1]}
		key "chapter $i top" Home
		shot "chapter$i-top"
		key "chapter $i middle" End Prior
		shot "chapter$i-middle"
		key "chapter $i end" End
		shot "chapter$i-end"
		if ((i == 2)); then
			key "contents" Tab Tab space
			shot contents
			key "contents closed" Escape
			expect "contents closed" "reader 2" || return 1
		fi
		key "next chapter" Right
		n=$((n + 1))
		((n < 30)) || { die "paging through the chapters never reached the end"; return 1; }
	done
	expect "after the last chapter" "home|closing" || return 1
	if [[ $(current) == closing ]]; then
		shot closing
		go_home || return 1
	fi

	key "search" ctrl+f
	expect "search" "search" || return 1
	xdotool type --delay 40 "chi kien"
	sleep 0.5
	shot search
	key "search hit" Return
	expect "search hit" "reader [0-9]+" || return 1
	shot search-hit
	go_home || return 1

	find_home_targets || return 1
	open_from_home timeline timeline || return 1
	expect timeline timeline || return 1
	shot timeline
	key "timeline zoomed" equal equal
	shot timeline-zoomed
	key "timeline card" Right Right
	shot timeline-card

	open_from_home gallery gallery || return 1
	expect gallery gallery || return 1
	shot gallery
	# A tap on the first tile (under the top bar at the left). The pointer
	# rests on the title first (nothing to tap there), then jumps to the
	# tile and presses at once, as a finger on a touch screen does: the
	# picture must open (platform/touchtap), not the title be "tapped".
	rest 0.5 0.05
	click "tap on a picture" 0.12 0.35
	expect "a tap on a gallery tile" viewer 8 || return 1
	shot viewer
	go_home || return 1

	open_from_home "original text" original || return 1
	expect "original text" original || return 1
	shot original
	open_from_home settings settings || return 1
	expect settings settings || return 1
	shot settings
	key "about" End
	shot settings-about

	go_home || return 1
	key "presenter" F5
	expect "presenter" "presenter" || return 1
	shot presenter-first
	# Slide 13 of the built-in deck is a picture.
	key "presenter picture" 1 3 Return
	shot presenter-picture
	key "presenter black" b
	shot presenter-black blank
	key "presenter back" b Escape
	expect "presenter ended" "home" || return 1

	open_from_home tour "reader 1 tour" || return 1
	expect tour "reader 1 tour" || return 1
	shot tour
	go_home || return 1
	stop_app

	# Kiosk: start, countdown, attract loop, staff PIN.
	start_app --kiosk || return 1
	expect "kiosk" "home( kiosk (active|warning))?" 10 || return 1
	shot kiosk-home
	expect "kiosk countdown" ".*kiosk warning" 15 || return 1
	shot kiosk-countdown
	# The kiosk logs its state ("… kiosk attract"), then the attract
	# screen logs itself ("attract"): either may be the last line.
	expect "kiosk attract" "(.*kiosk )?attract" 20 || return 1
	shot kiosk-attract
	# A touch wakes the kiosk: the pointer comes to rest on the picture
	# and the home comes back. Then a tap on the staff button (alone at
	# the bottom right), jumping there from that resting point and
	# pressing at once as a finger does, must reach the staff's dialog.
	rest 0.5 0.3
	expect "a touch wakes the kiosk" "home( kiosk active)?" 8 || return 1
	# Esc away from the home goes back, and the window stays full
	# screen: it once left full screen, showing a visitor the desktop.
	key "kiosk: start reading" Return
	expect "kiosk: start reading" "reader 1.*" 5 || return 1
	key "kiosk: Esc in the reader" Escape
	expect "kiosk: Esc goes back" "home( kiosk (active|warning))?" 5 || return 1
	expect_full "kiosk: Esc in the reader"
	click "staff" 0.97 0.985
	expect "a tap on the staff button" ".* kiosk staff" 5 || return 1
	shot kiosk-pin
	stop_app
}

# --- Passes -----------------------------------------------------------------
status=0
for size in $sizes; do
	[[ $size =~ ^([0-9]+)x([0-9]+)$ ]] || { echo "hall.sh: bad size $size" >&2; exit 2; }
	screen_w=${BASH_REMATCH[1]} screen_h=${BASH_REMATCH[2]}
	sheet_args=()
	for mode in $modes; do
		pass="$size $mode"
		pass_dir=$out/$size-$mode
		rm -rf "$pass_dir"
		mkdir -p "$pass_dir"
		shot_n=0
		widest= too_w=0 too_h=0
		xvfb_start "$size"
		log=$XVFB_TMP/screens.log
		if [[ $mode == openbox ]]; then
			cat >"$XVFB_TMP/rc.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <applications><application class="*"><maximized>yes</maximized></application></applications>
</openbox_config>
EOF
			openbox --config-file "$XVFB_TMP/rc.xml" >"$XVFB_TMP/openbox.log" 2>&1 &
			wm_pid=$!
			sleep 1
			prefs en dark
		else
			prefs vi light
		fi
		echo "hall.sh: $pass …" >&2
		walk || true
		echo "hall.sh: $pass: $shot_n pictures, widest window $widest" >&2
		echo "$pass widest $widest" >>"$out/summary.txt"
		cat "$log.all" "$log" >"$pass_dir/screens.log" 2>/dev/null || true
		rm -f "$log.all"
		for f in "$pass_dir"/*.png; do
			[[ -e $f ]] || continue
			n=$(basename "$f" .png)
			sheet_args+=(-label "$mode ${n#*-}" "$f")
		done
		cleanup
	done
	if ((${#sheet_args[@]} > 0)); then
		# Thumbnails first: eighty full 4K pictures exhaust ImageMagick's
		# pixel cache limits.
		for ((i = 1; i < ${#sheet_args[@]}; i += 3)); do
			f=${sheet_args[i + 1]}
			t=$out/.thumbs/${f//\//_}
			mkdir -p "$out/.thumbs"
			convert "$f" -thumbnail 400x300 "$t"
			sheet_args[i + 1]=$t
		done
		montage -background '#202020' -fill '#f0f0f0' -pointsize 16 "${sheet_args[@]}" \
			-tile 8x -geometry 400x300+6+6 "$out/hall-$size.png"
		rm -rf "$out/.thumbs"
		echo "hall.sh: contact sheet $out/hall-$size.png" >&2
	fi
done

if ((${#failures[@]} > 0)); then
	echo "hall.sh: FAILED:" >&2
	printf '  %s\n' "${failures[@]}" >&2
	exit 1
fi
echo "hall.sh: every screen fitted and showed something at $sizes ($modes)" >&2
