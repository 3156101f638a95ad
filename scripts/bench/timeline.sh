#!/usr/bin/env bash
# scripts/bench/timeline.sh — frames per second of the timeline's glide in
# the real exhibit, with 1,000 events, full screen on a private Xvfb
# (default 1280x720, Mesa's software OpenGL).
#
# The pack is the built-in one (export-pack) with its timeline replaced by
# 1,000 generated events (import-timeline, TimelineJS JSON): 1900–2000,
# crowded in the middle years as a real chronology is. The program runs
# with TRIENLAM_FRAME_LOG: the app's own frame counter writes, for every
# glide of the axis that runs to its end, how many frames it drew and in
# how long (screens/framelog.go; Fyne ticks an animation, then draws, so
# each step of the glide is a frame shown). xdotool opens the timeline
# from the home screen (Tab … Space, checked with the screen log), zooms
# in (=), then alternates End and Home (a glide across the whole axis)
# and presses Right (the next event; a glide when it is out of view).
#
# Prints the glides counted, the median and the slowest glide's frames
# per second and the longest single frame. Target (issue 18): ≥ 30 fps
# under software OpenGL at 1280x720. Prints figures only; never fails on
# them.
#
#   scripts/bench/timeline.sh
#   EVENTS=2000 GLIDES=40 SIZE=1920x1080 scripts/bench/timeline.sh
#   SHOT=timeline.png scripts/bench/timeline.sh   # also a picture of the end
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=scripts/lib/xvfb.sh
source scripts/lib/xvfb.sh
# shellcheck source=scripts/lib/app.sh
source scripts/lib/app.sh

EVENTS=${EVENTS:-1000}
GLIDES=${GLIDES:-30}
SIZE=${SIZE:-1280x720}
bench_setup timeline.sh python3

cleanup() {
	app_stop_current
	xvfb_stop
	rm -rf "${WORK:-}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

WORK=$(mktemp -d "${TMPDIR:-/tmp}/trienlam-timeline.XXXXXX")
"$OUT/trienlam-bench" export-pack "$WORK/pack" >/dev/null
python3 - "$EVENTS" >"$WORK/events.json" <<'PY'
import json, random, sys
n = int(sys.argv[1])
rng = random.Random(2)
events = []
for i in range(n):
    y = min(2000, max(1900, int(rng.gauss(1950, 25))))
    events.append({
        "unique_id": "ev-%d" % i,
        "start_date": {"year": y, "month": rng.randint(1, 12), "day": rng.randint(1, 28)},
        "text": {"headline": "Sự kiện số %d" % (i + 1),
                 "text": "Một sự kiện của năm %d, để đo tốc độ của dòng thời gian." % y},
    })
print(json.dumps({"title": {"text": {"headline": "%d sự kiện" % n}}, "events": events}, ensure_ascii=False))
PY
rm "$WORK/pack/timeline.toml" # import-timeline never overwrites
"$OUT/trienlam-bench" import-timeline "$WORK/events.json" --pack "$WORK/pack" >/dev/null

xvfb_start "$SIZE"
export TRIENLAM_FRAME_LOG=$WORK/frames.log
app_start "$OUT/trienlam-bench" Trienlam --pack "$WORK/pack"
if ! app_open_from_home 'timeline'; then
	echo "bench/timeline.sh: no home button opened the timeline (screen: $(app_screen))" >&2
	exit 1
fi
app_focus
xdotool key F11
sleep 2
size=$(xwininfo -id "$X_WID" 2>/dev/null | awk '/Width:/ { w = $2 } /Height:/ { h = $2 } END { print w "x" h }')
app_focus
xdotool key --delay 300 equal equal equal
sleep 1
: >"$TRIENLAM_FRAME_LOG"
t0=$(app_cpu_ticks)
s0=$(date +%s%N)
for ((i = 0; i < GLIDES; i++)); do
	case $((i % 3)) in
	0) key=End ;;
	1) key=Home ;;
	2) key=Right ;;
	esac
	app_focus
	xdotool key "$key"
	sleep 0.8 # a glide takes 280 ms; let it end before the next
done
t1=$(app_cpu_ticks)
s1=$(date +%s%N)
if [[ -n ${SHOT:-} ]]; then import -window root "$SHOT"; fi
cpu=$(awk -v t="$((t1 - t0))" -v hz="$(getconf CLK_TCK 2>/dev/null || echo 100)" -v ns="$((s1 - s0))" \
	'BEGIN { printf "%.0f", t / hz * 100 / (ns / 1e9) }')

echo
echo "Timeline with $EVENTS events, full screen ($size) on Xvfb $SIZE (software GL); $(nproc) cores; load average $(app_load)"
if [[ ! -s $TRIENLAM_FRAME_LOG ]]; then
	echo "no glide was counted (the frame log is empty): did the keys reach the timeline? screen: $(app_screen)"
	exit 0
fi
# field NAME: the values of NAME=… on the frame log's lines, one a line.
field() { grep -o "$1=[0-9.]*" "$TRIENLAM_FRAME_LOG" | cut -d= -f2; }
n=$(wc -l <"$TRIENLAM_FRAME_LOG")
med=$(field fps | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
slowest=$(field fps | sort -n | head -n 1)
frames=$(field frames | awk '{ s += $1 } END { print s }')
ms=$(field ms | awk '{ s += $1 } END { print s }')
longest=$(field longest_frame_ms | sort -n | tail -n 1)
printf 'glides counted:        %d (%d frames in %.1f s of gliding)\n' "$n" "$frames" "$(awk -v m="$ms" 'BEGIN { print m / 1000 }')"
printf 'frames per second:     median %s, slowest glide %s, all glides together %.1f\n' "$med" "$slowest" "$(awk -v f="$frames" -v m="$ms" 'BEGIN { print f / (m / 1000) }')"
printf 'longest single frame:  %.0f ms\n' "$longest"
printf 'program CPU meanwhile: %s %% of a core\n' "$cpu"
printf 'target >= 30 fps: %s\n' "$(awk -v m="$med" 'BEGIN { print (m >= 30 ? "within target (median)" : "OVER target (median below 30)") }')"
exit 0
