#!/usr/bin/env bash
# scripts/bench/startup.sh — how long Trienlam takes to show its first screen, and
# how much memory it holds, compared with a minimal Fyne program
# (scripts/bench/minimal) built with the same flags on the same machine,
# but with Fyne's default build tags (Trienlam's are in scripts/lib/tags.sh:
# it leaves out Fyne's emoji font, the bare window keeps it).
#
# Method, for each program, RUNS times (default 5, after WARMUP=1 unmeasured
# run each; the two programs take turns so that machine noise hits both):
#   1. Start a private Xvfb (-screen 0 ${SIZE}x24 -noreset -nolisten tcp, on a
#      display number Xvfb picks itself with -displayfd), a private 0700
#      XDG_RUNTIME_DIR and private XDG_CONFIG_HOME/XDG_CACHE_HOME, so no run
#      sees another's preferences or caches.
#   2. Run the program under dbus-run-session. A tiny sh wrapper records the
#      start time (date +%s%N) and its PID, then execs the program: time 0 is
#      the moment the program's process starts.
#   3. "Window mapped": poll every 10 ms with `xdotool search --onlyvisible`
#      until a window is mapped — the first whose title starts with TITLE, or,
#      when TITLE is empty, any top-level window (the private Xvfb has no
#      window manager and no other client).
#   4. "Content shown": grab the window with `xwd` in a loop (~20–30 ms per
#      grab on 2 cores) until the picture is no longer one flat colour: a
#      mapped but unpainted window is one colour, Fyne's first frame has text
#      in it. The time recorded is when that grab finished, so it is an upper
#      bound, late by at most one grab.
#   5. "Fully drawn": keep grabbing until the picture has not changed for
#      SETTLE ms (default 800); the time recorded is when the grab that first
#      showed the final picture finished. Fonts, images and late layout
#      passes all land before it; a screen that never stops moving gives
#      the last change seen within TIMEOUT.
#   6. Sleep 1 s, read VmRSS from /proc/PID/status, stop the program and Xvfb.
# Each program is measured twice (CACHES): "cold", a first start on a new PC,
# with an empty user cache folder at every run; and "warm", every later
# start, with a cache folder kept from run to run of the same program (the
# warm-up run fills it), as a hall PC keeps it: Mesa's compiled shaders and
# Fyne's index of the system fonts live there.
# The minimal window is resized to the size Trienlam's window had in its
# warm-up run (BENCH_WINDOW_SIZE), so both paint the same area.
#
# Prints medians, the time ratios (first content and fully drawn) and the
# RSS difference, against the targets (fully drawn ≤ 1.3× the minimal
# program's, ≤ +40 MB RSS). It prints
# figures only: a slow machine never makes it fail. It fails only when a
# program cannot be built or a needed tool is missing (run `make deps`).
#
# Environment:
#   RUNS=5        measured runs per program
#   WARMUP=1      unmeasured runs per program first
#   SIZE=1280x720 Xvfb screen size
#   TITLE=Trienlam the app's window title (a prefix; screens.WindowTitle);
#                 empty = any top-level window
#   ARGS="..."    extra arguments for ./trienlam (split on spaces)
#   TIMEOUT=60    seconds to wait for a window / for content, per run
#   SETTLE=800    ms the picture must stay the same to count as fully drawn
#   LDFLAGS=...   go build -ldflags (default: the version stamp `make build` uses)
#   KEEP=1        keep the last run's grabs and logs in build/scripts/bench/
#   CACHES="cold warm"  which of the two cache states to measure
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=scripts/lib/xvfb.sh
source scripts/lib/xvfb.sh

RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
SIZE=${SIZE:-1280x720}
# Trienlam's window title (screens.WindowTitle). Empty means "any top-level
# window", also exact here because the private Xvfb runs nothing else.
TITLE=${TITLE-Trienlam}
ARGS=${ARGS:-}
TIMEOUT=${TIMEOUT:-60}
SETTLE=${SETTLE:-800}
KEEP=${KEEP:-}
CACHES=${CACHES:-cold warm}

for tool in go Xvfb xdotool xwd xwininfo dbus-run-session od cmp; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "bench/startup.sh: '$tool' is missing; run 'make deps' first." >&2
		exit 1
	fi
done

VERSION=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml 2>/dev/null | head -n 1)
LDFLAGS=${LDFLAGS:-"-X trienlam/internal/cli.Version=${VERSION:-dev}"}

OUT=build/bench
mkdir -p "$OUT"

have_app=
if compgen -G '*.go' >/dev/null && grep -qs '^package main' ./*.go; then
	have_app=1
fi

echo "Building (go build -ldflags \"$LDFLAGS\") ..."
# The bare window as Fyne builds it by default (with its emoji font); the
# exhibit with its own build tags (scripts/lib/tags.sh).
go build -tags= -ldflags "$LDFLAGS" -o "$OUT/minimal" ./scripts/bench/minimal
if [[ -n $have_app ]]; then
	(
		# shellcheck source=scripts/lib/tags.sh
		source scripts/lib/tags.sh
		go build -ldflags "$LDFLAGS" -o ./trienlam .
	)
else
	echo "No main package at the repository root yet: measuring scripts/bench/minimal alone."
fi

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

# cpu_ms PID: user + system CPU time of PID so far, in ms (all threads).
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_ms() {
	# Fields 14 and 15 of /proc/PID/stat, counted after the ")" that ends
	# the command name (which may hold spaces).
	sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null |
		awk -v hz="$CLK_TCK" '{ printf "%d\n", ($12 + $13) * 1000 / hz }' | grep . || echo -
}

# run_one TITLE BIN [ARG...]: one measured start. Sets R_MAP, R_CONTENT and
# R_DRAWN (ms, or "-" when it did not happen), R_CPU (ms of CPU, user + system, all
# threads, the program had used when content showed), R_RSS (kB or "-") and
# R_SIZE (WxH).
run_one() {
	local title=$1
	shift
	R_MAP=-
	R_CONTENT=-
	R_DRAWN=-
	R_CPU=-
	R_RSS=-
	R_SIZE=
	xvfb_start "$SIZE" || return 0
	local dir=$XVFB_TMP
	mkdir -m 700 "$dir/config" "$dir/cache"
	local cachedir=$dir/cache
	if [[ $CACHE_MODE == warm ]]; then
		cachedir=$WARM_CACHE/$(basename "$1")
		mkdir -p -m 700 "$cachedir"
	fi
	XDG_CONFIG_HOME=$dir/config XDG_CACHE_HOME=$cachedir \
		dbus-run-session -- sh -c 'date +%s%N >"$1"; echo $$ >"$2"; shift 2; exec "$@"' \
		sh "$dir/t0" "$dir/pid" "$@" </dev/null >"$dir/app.log" 2>&1 &
	DRS_PID=$!
	local i
	for ((i = 0; i < 1000; i++)); do
		[[ -s $dir/pid && -s $dir/t0 ]] && break
		sleep 0.01
	done
	APP_PID=$(cat "$dir/pid" 2>/dev/null || true)
	local t0 t1
	t0=$(cat "$dir/t0" 2>/dev/null || now_ns)
	if x_wait_window "$title" "$TIMEOUT" "$DRS_PID"; then
		t1=$(now_ns)
		R_MAP=$(((t1 - t0) / 1000000))
		local deadline=$(($(date +%s) + TIMEOUT))
		while (($(date +%s) < deadline)); do
			if x_has_content "$X_WID" "$dir/frame.xwd"; then
				t1=$(now_ns)
				R_CONTENT=$(((t1 - t0) / 1000000))
				R_CPU=$(cpu_ms "$APP_PID")
				break
			fi
			proc_alive "$DRS_PID" || break
		done
		if [[ $R_CONTENT != - ]]; then
			# Fully drawn: the last grab that differed from the one
			# before it, once nothing changed for SETTLE ms.
			R_DRAWN=$R_CONTENT
			local changed=$t1
			mv "$dir/frame.xwd" "$dir/prev.xwd"
			while (($(date +%s) < deadline)) && proc_alive "$DRS_PID"; do
				xwd -id "$X_WID" -silent >"$dir/frame.xwd" 2>/dev/null || break
				t1=$(now_ns)
				if ! cmp -s "$dir/frame.xwd" "$dir/prev.xwd"; then
					changed=$t1
					R_DRAWN=$(((t1 - t0) / 1000000))
					mv "$dir/frame.xwd" "$dir/prev.xwd"
				elif (((t1 - changed) / 1000000 >= SETTLE)); then
					break
				fi
			done
			mv -f "$dir/prev.xwd" "$dir/frame.xwd"
		fi
		R_SIZE=$(xwininfo -id "$X_WID" 2>/dev/null | awk '/Width:/ { w = $2 } /Height:/ { h = $2 } END { if (w) print w "x" h }')
		sleep 1
		if [[ -n $APP_PID && -r /proc/$APP_PID/status ]]; then
			R_RSS=$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status")
			R_RSS=${R_RSS:--}
		fi
	fi
	if [[ -n $KEEP ]]; then
		cp "$dir/app.log" "$OUT/$(basename "$1").log" 2>/dev/null || true
		cp "$dir/frame.xwd" "$OUT/$(basename "$1").xwd" 2>/dev/null || true
	fi
	if [[ $R_MAP == - ]]; then
		echo "  $(basename "$1"): no window within ${TIMEOUT}s; its output:" >&2
		sed 's/^/    /' "$dir/app.log" | tail -n 20 >&2
	fi
	cleanup
}

# median: the median of the numbers on stdin ("-" lines ignored), or "-".
median() {
	awk '/^[0-9]+$/' | sort -n | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "-"; exit }
		if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2)
	}'
}

# measure_set MODE: the whole comparison with the user cache folder in MODE
# (cold or warm), printing its summary.
measure_set() {
	CACHE_MODE=$1
	# Absolute: Go's os.UserCacheDir (Fyne's index of the system fonts,
	# the instance lock) refuses a relative XDG_CACHE_HOME.
	WARM_CACHE=$PWD/$OUT/warm-cache
	rm -rf "$WARM_CACHE"
	echo
	echo "== $CACHE_MODE caches =="
	local -a min_map=() min_content=() min_drawn=() min_cpu=() min_rss=() app_map=() app_content=() app_drawn=() app_cpu=() app_rss=()
	read -r -a app_args <<<"$ARGS"
	app_size=

	run_app() {
		run_one "$TITLE" ./trienlam "${app_args[@]}"
		if [[ -n $R_SIZE ]]; then app_size=$R_SIZE; fi
	}
	run_minimal() {
		BENCH_WINDOW_SIZE=$app_size run_one Minimal "$OUT/minimal"
	}

	# record WHO NAME: prints the start just measured and, after the
	# warm-up, keeps its figures in WHO's arrays (app_… or min_…).
	record() {
		local -n map=$1_map content=$1_content drawn=$1_drawn cpu=$1_cpu rss=$1_rss
		printf '%-12s %-9s window %5s ms, content %5s ms, drawn %5s ms, CPU %5s ms, RSS %7s kB, window %s\n' \
			"$label" "$2:" "$R_MAP" "$R_CONTENT" "$R_DRAWN" "$R_CPU" "$R_RSS" "${R_SIZE:--}"
		if ((n > WARMUP)); then
			map+=("$R_MAP")
			content+=("$R_CONTENT")
			drawn+=("$R_DRAWN")
			cpu+=("$R_CPU")
			rss+=("$R_RSS")
		fi
	}

	total=$((WARMUP + RUNS))
	for ((n = 1; n <= total; n++)); do
		if ((n <= WARMUP)); then
			label="warm-up $n/$WARMUP"
		else
			label="run $((n - WARMUP))/$RUNS"
		fi
		if [[ -n $have_app ]]; then
			run_app
			record app trienlam
		fi
		run_minimal
		record min minimal
	done

	med() { printf '%s\n' "$@" | median; }
	fmt_s() { [[ $1 == - ]] && echo - || awk -v v="$1" 'BEGIN { printf "%.2f s", v / 1000 }'; }
	fmt_mb() { [[ $1 == - ]] && echo - || awk -v v="$1" 'BEGIN { printf "%.1f MB", v / 1024 }'; }

	m_map=$(med "${min_map[@]}")
	m_content=$(med "${min_content[@]}")
	m_drawn=$(med "${min_drawn[@]}")
	m_cpu=$(med "${min_cpu[@]}")
	m_rss=$(med "${min_rss[@]}")

	# ratio A B: A/B as "1.23x", or "-".
	ratio() {
		if [[ $1 == - || $2 == - || $2 -le 0 ]]; then echo -; return; fi
		awk -v a="$1" -v m="$2" 'BEGIN { printf "%.2fx", a / m }'
	}
	row() { printf '%-22s %14s %14s %14s %14s %12s\n' "$@"; }

	echo
	echo "Start-up under Xvfb ${SIZE} (software GL), $CACHE_MODE caches, median of $RUNS runs; $(nproc) cores;" \
		"load average $(cut -d' ' -f1-3 /proc/loadavg); $(uname -srm)"
	row "" "window mapped" "first content" "fully drawn" "CPU to content" "RSS"
	row "minimal Fyne window" "$(fmt_s "$m_map")" "$(fmt_s "$m_content")" "$(fmt_s "$m_drawn")" "$(fmt_s "$m_cpu")" "$(fmt_mb "$m_rss")"
	if [[ -n $have_app ]]; then
		a_map=$(med "${app_map[@]}")
		a_content=$(med "${app_content[@]}")
		a_drawn=$(med "${app_drawn[@]}")
		a_cpu=$(med "${app_cpu[@]}")
		a_rss=$(med "${app_rss[@]}")
		row "trienlam" "$(fmt_s "$a_map")" "$(fmt_s "$a_content")" "$(fmt_s "$a_drawn")" "$(fmt_s "$a_cpu")" "$(fmt_mb "$a_rss")"
		time_ratio=$(ratio "$a_drawn" "$m_drawn")
		diff=-
		if [[ $a_rss != - && $m_rss != - ]]; then
			diff=$(awk -v a="$a_rss" -v m="$m_rss" 'BEGIN { printf "%+.1f MB", (a - m) / 1024 }')
		fi
		row "trienlam vs minimal" "$(ratio "$a_map" "$m_map")" "$(ratio "$a_content" "$m_content")" "$time_ratio" "$(ratio "$a_cpu" "$m_cpu")" "$diff"
		row "target" "" "" "<= 1.30x" "" "<= +40.0 MB"
		verdict() { awk -v v="$1" -v lim="$2" 'BEGIN { if (v == "-") print "n/a"; else if (v + 0 <= lim) print "within target"; else print "OVER target" }'; }
		echo "fully drawn: $(verdict "${time_ratio%x}" 1.30); memory: $(verdict "${diff% MB}" 40)"
		echo "(Wall-clock times grow with the machine's load; CPU to content much less so.)"
	fi
}

for mode in $CACHES; do
	measure_set "$mode"
done
exit 0
