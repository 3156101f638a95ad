# shellcheck shell=bash
# Shared helpers for the benchmarks that drive the real program
# (scripts/bench/cpu.sh, timeline.sh, soak.sh): start it on the private
# display of scripts/lib/xvfb.sh with private settings, read its CPU time
# and memory (of the process that draws: APP_GUI_PID), and follow its
# screen log. Source xvfb.sh first; this file
# defines functions only.

# bench_setup NAME TOOL...: exits, naming the script NAME, when a TOOL is
# missing; then builds the program into $OUT/trienlam-bench and the bare
# Fyne window into $OUT/minimal (OUT=build/bench).
bench_setup() {
	local name=$1 tool
	shift
	for tool in go Xvfb xdotool dbus-run-session "$@"; do
		if ! command -v "$tool" >/dev/null 2>&1; then
			echo "bench/$name: '$tool' is missing; run 'make deps' first." >&2
			exit 1
		fi
	done
	OUT=build/bench
	mkdir -p "$OUT"
	(
		# shellcheck source=scripts/lib/tags.sh
		source scripts/lib/tags.sh
		go build -o "$OUT/trienlam-bench" .
	)
	# The bare window as Fyne builds it by default (with its emoji font).
	go build -tags= -o "$OUT/minimal" ./scripts/bench/minimal
}

# app_start BIN TITLE [ARG...]: runs BIN [ARG...] under dbus-run-session on
# the display of xvfb_start, with private XDG_CONFIG_HOME/XDG_CACHE_HOME in
# $XVFB_TMP (the cache folder APP_CACHE instead, when set: one kept from
# start to start) and its screen log in $APP_LOG_SCREENS
# (TRIENLAM_SCREEN_LOG). Other settings come from the environment the
# caller exports. Waits for the window (60 s) and sets APP_PID, DRS_PID
# and X_WID; exits with the program's output when no window shows.
app_start() {
	local bin=$1 title=$2 dir=$XVFB_TMP i
	shift 2
	mkdir -p -m 700 "$dir/config" "$dir/cache"
	rm -f "$dir/pid"
	APP_LOG_SCREENS=$dir/screens.log
	: >"$APP_LOG_SCREENS"
	XDG_CONFIG_HOME=$dir/config XDG_CACHE_HOME=${APP_CACHE:-$dir/cache} TRIENLAM_SCREEN_LOG=$APP_LOG_SCREENS \
		dbus-run-session -- sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$dir/pid" "$bin" "$@" \
		</dev/null >"$dir/app.log" 2>&1 &
	DRS_PID=$!
	for ((i = 0; i < 1000; i++)); do
		[[ -s $dir/pid ]] && break
		sleep 0.01
	done
	APP_PID=$(cat "$dir/pid")
	if ! x_wait_window "$title" 60 "$DRS_PID"; then
		echo "$(basename "$0"): $(basename "$bin") showed no window; its output:" >&2
		tail -n 20 "$dir/app.log" >&2
		exit 1
	fi
	sleep 2
	# Kiosk mode runs the exhibit as a child of a small supervisor that
	# starts it again should it crash: measure the child, which draws.
	APP_GUI_PID=$(pgrep -P "$APP_PID" -f -- '--supervised' | head -n 1 || true)
	APP_GUI_PID=${APP_GUI_PID:-$APP_PID}
}

# app_stop_current: stops the program app_start started.
app_stop_current() {
	app_stop "${APP_PID:-}" "${DRS_PID:-}"
	APP_PID=
	DRS_PID=
}

# app_rss: the program's resident memory, in MB.
app_rss() { awk '/^VmRSS:/ { printf "%d\n", $2 / 1024 }' "/proc/$APP_GUI_PID/status"; }

# app_cpu_ticks: the program's CPU time so far (user + system, all
# threads), in clock ticks (fields 14 and 15 of /proc/PID/stat, counted
# after the ")" that ends the command name).
app_cpu_ticks() { sed 's/^.*) //' "/proc/$APP_GUI_PID/stat" | awk '{ print $12 + $13 }'; }

# app_cpu_percent SECONDS: the program's CPU use over the next SECONDS, in
# percent of one core.
app_cpu_percent() {
	local t0 t1 s0 s1 hz
	hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
	t0=$(app_cpu_ticks)
	s0=$(date +%s%N)
	sleep "$1"
	t1=$(app_cpu_ticks)
	s1=$(date +%s%N)
	awk -v t="$((t1 - t0))" -v hz="$hz" -v ns="$((s1 - s0))" 'BEGIN { printf "%.1f\n", t / hz * 100 / (ns / 1e9) }'
}

# app_thread_ticks: one line per thread of the program, "NAME TICKS" (its
# CPU time so far, user + system, in clock ticks), summed over threads of
# the same name. Go names none of its threads (they carry the program's
# name); Mesa's software renderer names its own (llvmpipe-N), and so do
# some sound libraries.
app_thread_ticks() {
	local f
	for f in /proc/"$APP_GUI_PID"/task/*/stat; do
		cat "$f" 2>/dev/null || true
	done | awk '{ i = index($0, "("); j = index($0, ") "); name = substr($0, i + 1, j - i - 1)
		sub(/-[0-9]+$/, "-N", name); n = split(substr($0, j + 2), f, " ")
		t[name] += f[12] + f[13] } END { for (k in t) print k, t[k] }'
}

# app_thread_split BEFORE AFTER SECONDS: from two app_thread_ticks
# listings taken SECONDS apart, each thread name's share of a core in
# percent, largest first, on one line.
app_thread_split() {
	local hz
	hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
	awk -v hz="$hz" -v s="$3" 'NR == FNR { a[$1] = $2; next } { d[$1] = $2 - a[$1] }
		END { for (k in d) printf "%s %.1f\n", k, d[k] / hz * 100 / s }' "$1" "$2" |
		sort -k2 -rn | awk '{ printf "%s%s %s %%", (NR > 1 ? ", " : ""), $1, $2 } END { print "" }'
}

# app_screen: the screen the program says it shows (its screen log's last
# line: "home", "timeline", "attract", "reader 1 tour", …).
app_screen() { tail -n 1 "$APP_LOG_SCREENS" 2>/dev/null || true; }

# app_wait_screen REGEX [TIMEOUT_S]: waits until the screen shown matches
# REGEX; returns 1 on timeout.
app_wait_screen() {
	local deadline=$(($(date +%s) + ${2:-10}))
	while ! app_screen | grep -Eq "^($1)\$"; do
		(($(date +%s) < deadline)) || return 1
		sleep 0.1
	done
}

# app_focus: gives the program's window the keyboard.
app_focus() { xdotool windowfocus "$X_WID" 2>/dev/null || true; }

# app_open_from_home SCREEN: from the home screen, presses Tab n times and
# Space for n = 1, 2, … until the program says it shows SCREEN (a regular
# expression), so no button position is needed. Call it before F11: in
# full screen Esc leaves full screen rather than going back. Returns 1 when
# no button of the first 12 leads there.
app_open_from_home() {
	local want=$1 n
	for ((n = 1; n <= 12; n++)); do
		app_focus
		# shellcheck disable=SC2046
		xdotool key --delay 60 $(printf 'Tab %.0s' $(seq "$n")) space
		app_wait_screen "$want" 3 && return 0
		# Another screen: back home (Esc, once more from a presenter's
		# closing page) and try the next button.
		local k
		for ((k = 0; k < 3; k++)); do
			app_screen | grep -q '^home' && break
			app_focus
			xdotool key Escape
			app_wait_screen 'home.*' 3 && break
		done
		app_screen | grep -q '^home' || return 1
	done
	return 1
}

# app_load: the machine's load average over 1, 5 and 15 minutes.
app_load() { cut -d' ' -f1-3 /proc/loadavg; }
