#!/usr/bin/env bash
# scripts/bench/firstframe.sh — where the time of the first frame goes under
# software OpenGL: the milliseconds spent in each draw call of Trienlam's
# first frame and of the bare Fyne window's (scripts/bench/minimal), on a
# first start (cold: an empty user cache folder) and on a later one (warm:
# the folder kept from the run before, with Mesa's compiled shaders).
#
# Mesa's llvmpipe compiles machine code for each new kind of draw inside
# the draw call that first needs it, and keeps it in the cache folder; so
# the cold figure minus the warm one is, draw call by draw call, what
# compiling costs a PC's first start (the rest of the first start:
# scripts/bench/startup.sh). A kind is a shader program with the state it
# draws with: a plain or a rounded rectangle, a texture (text, a picture,
# a gradient) whose width or height is a power of two, and so on.
#
# Method: scripts/bench/glshim/glshim.c, loaded with LD_PRELOAD, times
# every glDrawArrays of the first frame (a frame begins at glClear) and
# notes the program in use and the bound texture's size. Each program is
# started RUNS times cold (a new cache folder each time) and RUNS times
# warm (after one unmeasured start fills the folder), on a private Xvfb
# (scripts/lib/app.sh's app_start), and stopped 2 + SETTLE_S seconds after
# its window shows.
#
# Prints, for each program and cache state, the median number of draw
# calls and of milliseconds spent in them; then, for Trienlam, each draw
# call of the first frame that took DRAW_MS or more cold, beside what the
# same call took warm (medians). Figures only: it never fails on them.
#
# Environment:
#   RUNS=5        starts per program and cache state
#   SIZE=1280x720 Xvfb screen size
#   DRAW_MS=5     the slowest draw calls listed take at least this long cold
#   SETTLE_S=1    seconds more each start runs (Mesa writes its cache
#                 folder from a thread of its own meanwhile)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=scripts/lib/xvfb.sh
source scripts/lib/xvfb.sh

RUNS=${RUNS:-5}
SIZE=${SIZE:-1280x720}
DRAW_MS=${DRAW_MS:-5}
SETTLE_S=${SETTLE_S:-1}

# shellcheck source=scripts/lib/app.sh
source scripts/lib/app.sh

bench_setup firstframe.sh gcc
FF=$OUT/firstframe
rm -rf "$FF"
mkdir -p "$FF"
gcc -Wall -O2 -shared -fPIC -o "$FF/glshim.so" scripts/bench/glshim/glshim.c -ldl

cleanup() {
	app_stop_current
	xvfb_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_once BIN TITLE CACHEDIR LOG: one start of BIN with the shim, its
# first frame's draw calls in LOG, the cache folder CACHEDIR.
start_once() {
	local bin=$1 title=$2 cache=$3 log=$4
	xvfb_start "$SIZE" || return 0
	mkdir -p -m 700 "$cache"
	# app_start waits 2 s past the window: the first frame is long drawn.
	GLSHIM_LOG=$log LD_PRELOAD=$PWD/$FF/glshim.so BENCH_WINDOW_SIZE=1024x700 APP_CACHE=$cache \
		app_start "$bin" "$title"
	sleep "$SETTLE_S"
	cleanup
}

# frame_sum LOG: "DRAWS MS" of the first frame in LOG.
frame_sum() {
	awk '$1 == "draw" { n++; ms += $2 } END { printf "%d %.0f\n", n, ms }' "$1" 2>/dev/null || echo "0 0"
}

# median: of the numbers on stdin.
median() {
	sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

declare -A draws ms
for name in minimal trienlam; do
	bin=$OUT/trienlam-bench title=Trienlam
	[[ $name == minimal ]] && bin=$OUT/minimal title=Minimal
	start_once "$bin" "$title" "$PWD/$FF/$name-warm" "$FF/$name-warmup.log"
	for ((n = 1; n <= RUNS; n++)); do
		start_once "$bin" "$title" "$PWD/$FF/$name-cold-$n" "$FF/$name-cold-$n.log"
		rm -rf "$FF/$name-cold-$n"
		start_once "$bin" "$title" "$PWD/$FF/$name-warm" "$FF/$name-warm-$n.log"
		for mode in cold warm; do
			read -r d m < <(frame_sum "$FF/$name-$mode-$n.log")
			echo "run $n/$RUNS  $name $mode: $d draw calls, $m ms in them"
			draws[$name-$mode]+="$d "
			ms[$name-$mode]+="$m "
		done
	done
done

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
echo
echo "First frame under Xvfb $SIZE (software GL), median of $RUNS starts; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %12s %14s %12s %14s\n' "" "cold: draws" "ms in them" "warm: draws" "ms in them"
for name in minimal trienlam; do
	label=$name
	[[ $name == minimal ]] && label="minimal Fyne window"
	printf '%-22s %12s %14s %12s %14s\n' "$label" "$(med "${draws[$name-cold]}")" "$(med "${ms[$name-cold]}")" \
		"$(med "${draws[$name-warm]}")" "$(med "${ms[$name-warm]}")"
done

echo
echo "Trienlam's first-frame draw calls that took ${DRAW_MS} ms or more cold (median ms of each call):"
# The same start draws the same calls in the same order, cold or warm: the
# Nth call of one run is the Nth of another.
awk -v runs="$RUNS" -v slow="$DRAW_MS" '
	FNR == 1 { file++; k = 0 }
	$1 == "draw" {
		k++
		cold = file <= runs
		v[cold, k, ++c[cold, k]] = $2
		what[k] = "program " $3 (($4 + 0) ? sprintf(", texture %dx%d", $4, $5) : "")
		if (pot($4) || pot($5)) what[k] = what[k] " (a side a power of two)"
		if (k > last) last = k
	}
	function pot(x) {
		x += 0
		if (x < 1) return 0
		while (x % 2 == 0) x /= 2
		return x == 1
	}
	function med(cold, k,   n, i, j, t, a) {
		n = c[cold, k]
		for (i = 1; i <= n; i++) a[i] = v[cold, k, i]
		for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
		return n ? (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2) : 0
	}
	END {
		for (k = 1; k <= last; k++) {
			m = med(1, k)
			if (m >= slow) printf "  call %3d  %-50s cold %6.1f ms  warm %6.1f ms\n", k, what[k], m, med(0, k)
		}
	}' "$FF"/trienlam-cold-*.log "$FF"/trienlam-warm-[0-9]*.log
echo "(A call much slower cold than warm is llvmpipe compiling a new kind of draw. Program numbers are OpenGL's names for Fyne's shader programs in this start.)"
