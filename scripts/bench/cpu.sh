#!/usr/bin/env bash
# scripts/bench/cpu.sh — how much of a core the real exhibit uses while
# nobody touches it, under a private Xvfb with Mesa's software OpenGL:
#   - the bare Fyne window (scripts/bench/minimal) idle, the floor;
#   - Trienlam's home screen idle;
#   - the kiosk's attract loop (kiosk mode; the idle time shortened with
#     TRIENLAM_IDLE_SECONDS, then the 10-second countdown), measured after
#     ATTRACT_SETTLE seconds (80): its first round decodes each of the
#     built-in pack's six pictures once (12 s each), later rounds find them
#     decoded, and a kiosk's day is spent in those;
#   - the guided tour with no sound device: the silent tour, the narration
#     followed on the clock with its highlight, captions and pictures but
#     no sound (ALSA pointed at a card that does not exist);
#   - the guided tour with narration playing through a PulseAudio null sink
#     (played in real time, as on a sound card; ALSA's own null device
#     plays faster than real time and would not say what a hall PC
#     spends). Skipped, with a note, when pulseaudio or the ALSA pulse
#     plugin (libasound2-plugins) is missing.
# Each figure is the program's CPU time (user + system, all threads, from
# /proc) over DURATION seconds, after the screen has been shown SETTLE
# seconds, in percent of one core; below it, how it splits between the
# program's threads by name (llvmpipe-N: Mesa's software renderer; Go's
# threads carry the program's name). The exhibit runs full screen on the
# whole Xvfb screen (F11; kiosk mode is full screen by itself).
#
# Targets (issue 18): attract loop, silent tour and narration each ≤ 5 %
# of a core. Prints figures only; never fails on them.
#
#   scripts/bench/cpu.sh                  # 60 s each, 1280x720
#   DURATION=30 SIZE=1024x768 scripts/bench/cpu.sh
#   ONLY="attract silent" scripts/bench/cpu.sh   # some of: idle attract silent narration
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=scripts/lib/xvfb.sh
source scripts/lib/xvfb.sh
# shellcheck source=scripts/lib/app.sh
source scripts/lib/app.sh

DURATION=${DURATION:-60}
SETTLE=${SETTLE:-5}
ATTRACT_SETTLE=${ATTRACT_SETTLE:-80}
SIZE=${SIZE:-1280x720}
ONLY=${ONLY:-idle attract silent narration}
bench_setup cpu.sh

PA_PID=
cleanup() {
	app_stop_current
	if [[ -n $PA_PID ]]; then
		kill "$PA_PID" 2>/dev/null || true
		wait "$PA_PID" 2>/dev/null || true
		PA_PID=
	fi
	xvfb_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

want() { [[ " $ONLY " == *" $1 "* ]]; }
declare -A figure note

# measure NAME: the program's CPU over DURATION s, after SETTLE s, and
# how it splits between the program's threads (by name).
measure() {
	sleep "$SETTLE"
	app_thread_ticks >"$XVFB_TMP/threads0"
	figure[$1]=$(app_cpu_percent "$DURATION")
	app_thread_ticks >"$XVFB_TMP/threads1"
	echo "  $1: ${figure[$1]} % of a core (screen: $(app_screen))"
	echo "    by thread: $(app_thread_split "$XVFB_TMP/threads0" "$XVFB_TMP/threads1" "$DURATION")"
}

# A sound configuration in which ALSA finds no device at all.
nodevice() {
	printf 'pcm.!default { type hw card 97 }\nctl.!default { type hw card 97 }\n' >"$XVFB_TMP/asound-none.conf"
	echo "$XVFB_TMP/asound-none.conf"
}

if want idle; then
	echo "idle: the bare Fyne window, then Trienlam's home screen"
	xvfb_start "$SIZE"
	BENCH_WINDOW_SIZE=${SIZE/x/x} app_start "$OUT/minimal" Minimal
	measure minimal
	app_stop_current
	ALSA_CONFIG_PATH=$(nodevice) app_start "$OUT/trienlam-bench" Trienlam
	app_focus
	xdotool key F11
	measure home
	cleanup
fi

if want attract; then
	echo "attract: kiosk mode, idle after 2 s, the countdown, then the loop"
	xvfb_start "$SIZE"
	TRIENLAM_IDLE_SECONDS=2 ALSA_CONFIG_PATH=$(nodevice) app_start "$OUT/trienlam-bench" Trienlam --kiosk
	if app_wait_screen 'attract.*' 60; then
		SETTLE=$ATTRACT_SETTLE measure attract
	else
		note[attract]="the attract loop did not start (screen: $(app_screen))"
	fi
	cleanup
fi

if want silent; then
	echo "silent: the guided tour with no sound device"
	xvfb_start "$SIZE"
	ALSA_CONFIG_PATH=$(nodevice) app_start "$OUT/trienlam-bench" Trienlam
	if app_open_from_home 'reader 1 tour'; then
		app_focus
		xdotool key F11
		measure silent
	else
		note[silent]="no home button started the guided tour"
	fi
	cleanup
fi

if want narration; then
	echo "narration: the guided tour through a PulseAudio null sink"
	plugin=$(find /usr/lib* -name 'libasound_module_pcm_pulse.so' 2>/dev/null | head -n 1)
	if ! command -v pulseaudio >/dev/null 2>&1 || [[ -z $plugin ]]; then
		note[narration]="needs pulseaudio and libasound2-plugins (apt-get install pulseaudio libasound2-plugins)"
	else
		xvfb_start "$SIZE"
		# A private sound server in the private runtime folder, with one
		# null sink that consumes sound in real time.
		pulseaudio --daemonize=no --exit-idle-time=-1 --disallow-exit --disable-shm=yes -n \
			--load="module-null-sink sink_name=bench" --load="module-native-protocol-unix" \
			--log-target=file:"$XVFB_TMP/pulse.log" >/dev/null 2>&1 &
		PA_PID=$!
		for ((i = 0; i < 100; i++)); do
			[[ -S $XDG_RUNTIME_DIR/pulse/native ]] && break
			sleep 0.1
		done
		printf 'pcm.!default { type pulse }\nctl.!default { type pulse }\n' >"$XVFB_TMP/asound-pulse.conf"
		ALSA_CONFIG_PATH=$XVFB_TMP/asound-pulse.conf app_start "$OUT/trienlam-bench" Trienlam
		if app_open_from_home 'reader 1 tour'; then
			app_focus
			xdotool key F11
			pa_t0=$(sed 's/^.*) //' "/proc/$PA_PID/stat" | awk '{ print $12 + $13 }')
			measure narration
			pa_t1=$(sed 's/^.*) //' "/proc/$PA_PID/stat" | awk '{ print $12 + $13 }')
			hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
			note[narration]="the sound server itself: $(awk -v t="$((pa_t1 - pa_t0))" -v hz="$hz" -v s="$DURATION" 'BEGIN { printf "%.1f", t / hz * 100 / s }') % of a core more"
			if grep -q 'narration\|cannot be played\|không phát' "$XVFB_TMP/app.log"; then
				note[narration]="${note[narration]}; the log says the narration failed: $(grep -m1 'narration\|cannot be played' "$XVFB_TMP/app.log")"
			fi
		else
			note[narration]="no home button started the guided tour"
		fi
		cleanup
	fi
fi

verdict() { awk -v v="$1" 'BEGIN { if (v == "") print ""; else if (v + 0 <= 5) print "within target (<= 5 %)"; else print "OVER target (<= 5 %)" }'; }
echo
echo "CPU under Xvfb $SIZE (software GL), ${DURATION} s each after ${SETTLE} s (the attract loop after ${ATTRACT_SETTLE} s); $(nproc) cores; load average $(app_load)"
row() { printf '%-52s %8s  %s\n' "$@"; }
row "" "% core" ""
for k in minimal home attract silent narration; do
	case $k in
	minimal) label="bare Fyne window (scripts/bench/minimal), idle" ;;
	home) label="trienlam, home screen, idle" ;;
	attract) label="trienlam, kiosk attract loop" ;;
	silent) label="trienlam, silent guided tour (no sound device)" ;;
	narration) label="trienlam, guided tour with narration (null sink)" ;;
	esac
	want "${k/minimal/idle}" || want "${k/home/idle}" || continue
	v=${figure[$k]:-}
	case $k in attract | silent | narration) t=$(verdict "$v") ;; *) t="" ;; esac
	row "$label" "${v:--}" "$t"
	if [[ -n ${note[$k]:-} ]]; then echo "    (${note[$k]})"; fi
done
exit 0
