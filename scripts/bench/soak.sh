#!/usr/bin/env bash
# scripts/bench/soak.sh — memory over a day in the hall: start the exhibit
# under a private Xvfb, make one full pass through it with the clicker's
# "next" key (every page of every chapter and the closing page, whose
# "next" reads again from chapter 1), then 10,000 page changes (pages
# forward, chapters on and back, home, open), as a long day of visitors
# would. Prints the resident memory (RSS)
# after the full pass and after the page changes, their ratio, and the RSS
# of the bare Fyne window (scripts/bench/minimal) on the same display, so
# the figures can be read side by side.
#
# Targets (issue 18): RSS after 10,000 page changes ≤ 1.25× the RSS after
# the full pass, and ≤ 300 MB. Prints figures only; never fails on them.
#
#   scripts/bench/soak.sh               # 10,000 page changes
#   PAGES=2000 scripts/bench/soak.sh
#   SETTLE=90 scripts/bench/soak.sh     # also measure again 90 s later,
#                                       # after Fyne's caches expire
#   MAXPASS=3000                        # most "next" presses for the pass
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=scripts/lib/xvfb.sh
source scripts/lib/xvfb.sh

PAGES=${PAGES:-10000}
SETTLE=${SETTLE:-0}
MAXPASS=${MAXPASS:-3000}
for tool in go Xvfb xdotool xwd md5sum od dbus-run-session; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "bench/soak.sh: '$tool' is missing; run 'make deps' first." >&2
		exit 1
	fi
done

OUT=build/bench
mkdir -p "$OUT"
go build -o "$OUT/trienlam-soak" .
go build -o "$OUT/minimal" ./scripts/bench/minimal

APP_PID=
DRS_PID=
cleanup() {
	app_stop "$APP_PID" "$DRS_PID"
	APP_PID=
	DRS_PID=
	xvfb_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start BIN TITLE: runs BIN on the private display with private settings;
# sets APP_PID, DRS_PID and X_WID (its window).
start() {
	local dir=$XVFB_TMP
	mkdir -p -m 700 "$dir/config" "$dir/cache"
	XDG_CONFIG_HOME=$dir/config XDG_CACHE_HOME=$dir/cache \
		dbus-run-session -- sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$dir/pid" "$1" \
		</dev/null >"$dir/app.log" 2>&1 &
	DRS_PID=$!
	local i
	for ((i = 0; i < 1000; i++)); do
		[[ -s $dir/pid ]] && break
		sleep 0.01
	done
	APP_PID=$(cat "$dir/pid")
	if ! x_wait_window "$2" 60 "$DRS_PID"; then
		echo "bench/soak.sh: $1 showed no window; its output:" >&2
		tail -n 20 "$dir/app.log" >&2
		exit 1
	fi
	sleep 2
}

# rss: the program's resident memory, in MB.
rss() { awk '/^VmRSS:/ { printf "%d\n", $2 / 1024 }' "/proc/$APP_PID/status"; }
# steady_top: top_shot once two grabs 0.2 s apart agree (at most ~10 s).
steady_top() {
	local a b i
	a=$(top_shot)
	for ((i = 0; i < 50; i++)); do
		sleep 0.2
		b=$(top_shot)
		[[ $a == "$b" ]] && break
		a=$b
	done
	echo "$a"
}

# top_shot: a hash of the window's top 50 rows (its title bar); XWD puts
# a header, a colour map, then the rows of pixels from the top.
top_shot() {
	local hdr
	xwd -id "$X_WID" -silent >"$XVFB_TMP/top.xwd" 2>/dev/null || return 0
	read -r -a hdr < <(od -An -tu4 --endian=big -N 80 -w80 "$XVFB_TMP/top.xwd")
	head -c $((hdr[0] + hdr[19] * 12 + 50 * hdr[12])) "$XVFB_TMP/top.xwd" | md5sum | cut -d' ' -f1
}

xvfb_start 1280x720
start "$OUT/trienlam-soak" Trienlam
rss_start=$(rss)

# One full pass: "next" from the home screen opens chapter 1; then "next"
# on every page, through the closing page, whose "next" reads again from
# chapter 1. The reader's title bar (the window's top rows) tells which
# chapter is shown: the pass ends when chapter 1's title is back.
# Under load a grab can show an older frame: wait until the title bar
# differs from the home screen's and two grabs in a row agree.
home=$(steady_top)
xdotool key Next
first=$home
for ((i = 0; i < 100; i++)); do
	first=$(steady_top)
	[[ $first != "$home" ]] && break
done
pass=0
left=
while ((pass < MAXPASS)); do
	xdotool key Next
	pass=$((pass + 1))
	sleep 0.1
	t=$(top_shot)
	if [[ $t != "$first" ]]; then
		left=1
	elif [[ -n $left ]]; then
		break
	fi
done
if ((pass >= MAXPASS)); then
	note=" (not back at chapter 1 within $MAXPASS presses)"
else
	note=""
fi
sleep 2
rss_pass=$(rss)

start_s=$(date +%s)
done=0
while ((done < PAGES)); do
	# One round: four pages forward, two chapters on, one back, home, open.
	xdotool key --delay 4 Next Next Next Next Right Right Left Escape Return
	done=$((done + 9))
done
secs=$(($(date +%s) - start_s))
sleep 2
rss_after=$(rss)
if ((SETTLE > 0)); then
	# Fyne frees the renderers and textures of widgets no longer shown
	# about a minute after their last use.
	sleep "$SETTLE"
	xdotool key Escape
	sleep 1
	rss_settled=$(rss)
fi
app_stop "$APP_PID" "$DRS_PID"

BENCH_WINDOW_SIZE=1280x720 start "$OUT/minimal" Minimal
rss_min=$(rss)
cleanup

ratio=$(awk -v a="$rss_after" -v p="$rss_pass" 'BEGIN { printf "%.2f", a / p }')
verdict() { awk -v v="$1" -v lim="$2" 'BEGIN { if (v + 0 <= lim) print "within target"; else print "OVER target" }'; }
echo
echo "Kiosk soak under Xvfb 1280x720 (software GL); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s %8s\n' "" "RSS"
printf '%-44s %5s MB\n' "bare Fyne window (scripts/bench/minimal)" "$rss_min"
printf '%-44s %5s MB\n' "trienlam, home screen after start" "$rss_start"
printf '%-44s %5s MB\n' "trienlam, after one full pass ($pass pages)$note" "$rss_pass"
printf '%-44s %5s MB\n' "trienlam, after $done page changes (${secs} s)" "$rss_after"
if ((SETTLE > 0)); then
	printf '%-44s %5s MB\n' "trienlam, $SETTLE s later" "$rss_settled"
fi
echo "after the page changes / after the pass: ${ratio}x (target <= 1.25x: $(verdict "$ratio" 1.25));" \
	"${rss_after} MB (target <= 300 MB: $(verdict "$rss_after" 300))"
