# shellcheck shell=bash
# Shared helpers for scripts/screenshot.sh and scripts/bench/startup.sh: a private
# Xvfb, a private XDG_RUNTIME_DIR, finding the app's window and telling when
# it shows content. Source it; it defines functions only.
#
# Facts this relies on (see DESIGN.md, "Facts learned on these machines"):
#  - Xvfb must run with -noreset, or the next GLFW client dies with
#    "GLFW library is not initialized" after the previous one leaves.
#  - GLFW/Fyne want a private 0700 XDG_RUNTIME_DIR and a session bus
#    (dbus-run-session) or they print warnings.

# xvfb_start SIZE (e.g. 1280x720): starts a private Xvfb on a free display
# number (Xvfb picks it itself with -displayfd) and exports DISPLAY,
# XVFB_PID and XDG_RUNTIME_DIR. Call xvfb_stop (or trap it) when done.
xvfb_start() {
	local size=${1:-1280x720}
	XVFB_TMP=$(mktemp -d "${TMPDIR:-/tmp}/trienlam-xvfb.XXXXXX")
	chmod 700 "$XVFB_TMP"
	mkdir -m 700 "$XVFB_TMP/runtime"
	export XDG_RUNTIME_DIR="$XVFB_TMP/runtime"
	Xvfb -displayfd 3 -screen 0 "${size}x24" -noreset -nolisten tcp \
		3>"$XVFB_TMP/display" >"$XVFB_TMP/xvfb.log" 2>&1 &
	XVFB_PID=$!
	local i
	for ((i = 0; i < 500; i++)); do
		if [[ -s $XVFB_TMP/display ]]; then
			DISPLAY=":$(tr -dc 0-9 <"$XVFB_TMP/display")"
			export DISPLAY XVFB_PID
			return 0
		fi
		if ! proc_alive "$XVFB_PID"; then
			break
		fi
		sleep 0.01
	done
	echo "xvfb: Xvfb did not start; its log:" >&2
	cat "$XVFB_TMP/xvfb.log" >&2
	return 1
}

# xvfb_stop: stops the Xvfb started by xvfb_start and removes its files.
xvfb_stop() {
	if [[ -n ${XVFB_PID:-} ]]; then
		kill "$XVFB_PID" 2>/dev/null || true
		wait "$XVFB_PID" 2>/dev/null || true
		XVFB_PID=
	fi
	if [[ -n ${XVFB_TMP:-} && -d $XVFB_TMP ]]; then
		# A client that is still exiting may write one last file: retry.
		rm -rf "$XVFB_TMP" 2>/dev/null || { sleep 0.5; rm -rf "$XVFB_TMP" 2>/dev/null || true; }
		XVFB_TMP=
	fi
}

# proc_alive PID: the process exists and is not a zombie (a child of ours
# that has exited stays a zombie until waited for, and kill -0 still works).
proc_alive() {
	local st
	st=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $st != Z* ]]
}

# app_stop APP_PID DRS_PID: stops a program started as
# `dbus-run-session -- sh -c '...; exec PROGRAM'` (APP_PID is the program,
# DRS_PID the dbus-run-session). Only the program is signalled:
# dbus-run-session then stops its bus and exits. Killing dbus-run-session
# itself would leave its dbus-daemon running forever.
app_stop() {
	local app=${1:-} drs=${2:-} i
	if [[ -n $app ]]; then kill "$app" 2>/dev/null || true; fi
	if [[ -z $drs ]]; then return 0; fi
	for ((i = 0; i < 500; i++)); do
		proc_alive "$drs" || break
		sleep 0.01
	done
	if proc_alive "$drs"; then
		# The program ignored SIGTERM: kill it; the session still ends cleanly.
		if [[ -n $app ]]; then kill -KILL "$app" 2>/dev/null || true; fi
		for ((i = 0; i < 200; i++)); do
			proc_alive "$drs" || break
			sleep 0.01
		done
		if proc_alive "$drs"; then kill "$drs" 2>/dev/null || true; fi
	fi
	wait "$drs" 2>/dev/null || true
}

# x_find_window [TITLE]: sets X_WID to the id of the first visible (mapped)
# window whose title starts with TITLE, or of any visible top-level window when TITLE
# is empty (the private Xvfb runs only our app, and has no window manager).
# X_WID is empty when there is none yet.
x_find_window() {
	local title=${1:-}
	X_WID=
	if [[ -n $title ]]; then
		X_WID=$(xdotool search --onlyvisible --name "^$(x_regex_quote "$title")" 2>/dev/null | head -n 1)
		return 0
	fi
	# --maxdepth 1 also lists the root window itself: skip it.
	if [[ ${X_ROOT_DISPLAY:-} != "${DISPLAY:-}" ]]; then
		X_ROOT_ID=$(xwininfo -root 2>/dev/null | awk '/Window id:/ { print $4; exit }')
		X_ROOT_ID=$((X_ROOT_ID))
		X_ROOT_DISPLAY=${DISPLAY:-}
	fi
	X_WID=$(xdotool search --onlyvisible --maxdepth 1 --name '' 2>/dev/null |
		awk -v root="$X_ROOT_ID" '$1 != root { print; exit }')
}

# x_regex_quote S: S with regular-expression metacharacters escaped.
x_regex_quote() {
	printf '%s' "$1" | sed 's/[][\.*^$(){}?+|]/\\&/g'
}

# x_wait_window TITLE TIMEOUT_S [PID]: polls every 10 ms until x_find_window
# finds a window and sets X_WID. Returns 1 on timeout, or as soon as process
# PID (if given) has exited.
x_wait_window() {
	local title=$1 timeout=${2:-30} pid=${3:-} deadline
	deadline=$(($(date +%s) + timeout))
	while (($(date +%s) < deadline)); do
		x_find_window "$title"
		[[ -n $X_WID ]] && return 0
		if [[ -n $pid ]] && ! proc_alive "$pid"; then
			return 1
		fi
		sleep 0.01
	done
	return 1
}

# x_has_content WID FILE: grabs window WID into FILE (XWD) and succeeds when
# the picture is not a single flat colour, i.e. something has been drawn.
# A window that is mapped but not painted yet is one colour (black, or the
# theme background); the first frame Fyne paints has text in it.
x_has_content() {
	local wid=$1 file=$2 hdr size ncolors off
	xwd -id "$wid" -silent >"$file" 2>/dev/null || return 1
	# XWD header: big-endian 32-bit words; word 0 is the header size,
	# word 19 the number of colormap entries (12 bytes each) that follow.
	read -r -a hdr < <(od -An -tu4 --endian=big -N 80 -w80 "$file")
	((${#hdr[@]} >= 20)) || return 1
	size=$(stat -c %s "$file")
	ncolors=${hdr[19]}
	off=$((hdr[0] + ncolors * 12))
	((size > off + 8)) || return 1
	# The pixels are all one colour exactly when the data equals itself
	# shifted by one pixel (bits_per_pixel is word 11).
	local bpp=$((hdr[11] / 8))
	if cmp -s <(tail -c +$((off + 1 + bpp)) "$file") <(tail -c +$((off + 1)) "$file" | head -c $((size - off - bpp))); then
		return 1
	fi
	return 0
}

# now_ns: nanoseconds since the epoch.
now_ns() { date +%s%N; }
