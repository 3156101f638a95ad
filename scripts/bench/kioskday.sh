#!/usr/bin/env bash
# Kiosk-day soak: the real exhibit in kiosk mode under a private Xvfb at
# 1024×768, with a pack whose chapter 1 narration is damaged. Visitors
# (random taps and clicker keys, through xdotool) alternate with idle
# periods: the idle timer (shortened by TRIENLAM_IDLE_SECONDS, standing in
# for the 3 idle minutes) runs out, the countdown passes, the attract loop
# runs until the next visitor. Prints, never fails:
#   - resident memory after the first half of the day and at the end
#     (should be within 10 %),
#   - goroutines and heap at each visitor (TRIENLAM_STATS_FILE; should not
#     grow),
#   - for the attract loop: how many 30-second windows had screen changes
#     (should be all of them),
#   - the attract loop's CPU.
# CYCLES=40 is 40 idle timeouts of 3 minutes: 2 hours of idle timers.
#
#   scripts/bench/kioskday.sh                       # 40 visitors, ~70 min
#   CYCLES=12 ATTRACT=61 scripts/bench/kioskday.sh  # shortened
set -u
cd "$(dirname "$0")/../.."
CYCLES=${CYCLES:-40}   # visitors, each followed by an idle timeout
IDLE=${IDLE:-8}        # seconds of the shortened idle time
VISIT=${VISIT:-20}     # seconds of taps and keys per visitor
ATTRACT=${ATTRACT:-65} # seconds of attract loop per cycle (≥ two 30-s windows)
SHOT_EVERY=${SHOT_EVERY:-5}
work=$(mktemp -d)
mkdir -p "$work/run" "$work/home/.config/fyne/vn.trienlam.exhibit" "$work/shots"
chmod 700 "$work/run"
go build -o "$work/trienlam" . || exit 0
"$work/trienlam" export-pack "$work/pack" >/dev/null || exit 0
# One narration file damaged, as a bad copy from a phone would be.
printf 'OggS hỏng' >"$work/pack/audio/01-hoan-canh.ogg"
# A staff PIN (2209), so a visitor's Esc cannot leave kiosk mode.
pin=$(python3 - <<'PY'
import base64, hashlib, os
salt = os.urandom(16)
key = hashlib.pbkdf2_hmac("sha256", b"2209", salt, 150000, 32)
enc = lambda b: base64.b64encode(b).decode().rstrip("=")
print("pbkdf2-sha256$150000$" + enc(salt) + "$" + enc(key))
PY
)
printf '{"kiosk.pin": "%s"}\n' "$pin" >"$work/home/.config/fyne/vn.trienlam.exhibit/preferences.json"

disp=:$((200 + RANDOM % 50))
Xvfb "$disp" -screen 0 1024x768x24 -noreset -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY=$disp openbox >/dev/null 2>&1 &
wm=$!
export DISPLAY=$disp
env HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" \
  XDG_RUNTIME_DIR="$work/run" TRIENLAM_IDLE_SECONDS="$IDLE" TRIENLAM_STATS_FILE="$work/stats" \
  dbus-run-session -- "$work/trienlam" --kiosk --pack "$work/pack" >"$work/app.log" 2>&1 &
session=$!
cleanup() {
  for p in $(pgrep -f "^$work/trienlam"); do kill "$p" 2>/dev/null; done
  kill "$session" "$wm" "$xvfb" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
sleep 6
app=$(pgrep -f "^$work/trienlam --kiosk --supervised" | head -1)
if [ -z "$app" ]; then
  echo "kioskday: the exhibit did not start"; tail -5 "$work/app.log"; exit 0
fi
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$app/status" 2>/dev/null; }
ticks() { awk '{print $14+$15}' "/proc/$app/stat" 2>/dev/null; }
stats() { cat "$work/stats" 2>/dev/null; }
keys=(Next Prior Right Left Return space b Down Up BackSpace Escape)

visitor() { # random taps and clicker keys for VISIT seconds
  local end=$((SECONDS + VISIT))
  while [ "$SECONDS" -lt "$end" ]; do
    if [ $((RANDOM % 2)) -eq 0 ]; then
      xdotool mousemove $((RANDOM % 1024)) $((RANDOM % 700)) click 1
    else
      xdotool key "${keys[RANDOM % ${#keys[@]}]}"
    fi
    sleep 0.$((3 + RANDOM % 5))
  done
  # Any PIN dialog a visitor opened: close it, as the next visitor would.
  xdotool key Escape
}

windows=0 changed=0 attract_ticks=0 attract_secs=0
mid_rss="" start=$SECONDS
for c in $(seq 1 "$CYCLES"); do
  visitor
  # Nobody: the idle time, the 10-second countdown, then the loop.
  sleep $((IDLE + 10 + 2))
  t0=$(ticks) a0=$SECONDS
  # Screenshots through the attract loop; each 30-second window should
  # hold at least two different pictures of the screen.
  n=0 prev=""
  w_start=$SECONDS w_hashes=""
  while [ $((SECONDS - a0)) -lt "$ATTRACT" ]; do
    h=$(import -window root -depth 8 rgb:- 2>/dev/null | md5sum | cut -c1-12)
    w_hashes="$w_hashes $h"
    if [ $((SECONDS - w_start)) -ge 30 ]; then
      windows=$((windows + 1))
      distinct=$(tr ' ' '\n' <<<"$w_hashes" | sed '/^$/d' | sort -u | wc -l)
      [ "$distinct" -ge 2 ] && changed=$((changed + 1))
      w_start=$SECONDS w_hashes="$h"
    fi
    sleep "$SHOT_EVERY"
  done
  t1=$(ticks)
  attract_ticks=$((attract_ticks + t1 - t0)) attract_secs=$((attract_secs + SECONDS - a0))
  echo "kioskday: visitor $c/$CYCLES at $((SECONDS - start)) s: RSS $(rss) MB, $(stats)"
  if [ "$c" -eq $((CYCLES / 2)) ]; then mid_rss=$(rss); fi
done
end_rss=$(rss)
echo "kioskday: $CYCLES visitors and idle timeouts ($((CYCLES * 3)) min of kiosk idle timers at 3 min each) in $((SECONDS - start)) s"
echo "kioskday: RSS after the first half ${mid_rss} MB, at the end ${end_rss} MB ($(awk -v a="$mid_rss" -v b="$end_rss" 'BEGIN { printf "%+.1f", (b - a) * 100 / a }') %)"
echo "kioskday: attract loop: screen changed in $changed of $windows 30-second windows"
echo "kioskday: attract loop CPU: $(awk -v t="$attract_ticks" -v s="$attract_secs" 'BEGIN { printf "%.1f", t / s }') % of a core (machine load average $(cut -d' ' -f1 /proc/loadavg))"
grep -c "narration-unplayable\|cannot be played" "$work/app.log" | sed 's/^/kioskday: log lines about the damaged narration: /'
