#!/usr/bin/env bash
# Kiosk soak: start the exhibit under a private Xvfb and turn 10,000 pages
# (chapters forward and back with the clicker's keys, the reader's paging,
# back home), as a long day of visitors would; print the resident memory
# before and after. Memory should stay flat. Prints figures, never fails.
#
#   scripts/bench/soak.sh            # 10,000 page changes
#   PAGES=2000 scripts/bench/soak.sh
set -u
cd "$(dirname "$0")/../.."
PAGES=${PAGES:-10000}
go build -o /tmp/trienlam-soak . || exit 0
disp=:$((60 + RANDOM % 30))
Xvfb "$disp" -screen 0 1280x720x24 -noreset -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d); run=$(mktemp -d); chmod 700 "$run"
cleanup() { kill "$app" "$xvfb" 2>/dev/null; rm -rf "$home" "$run"; }
trap cleanup EXIT
sleep 0.7
DISPLAY=$disp HOME=$home XDG_RUNTIME_DIR=$run /tmp/trienlam-soak >/dev/null 2>&1 &
app=$!
sleep 3
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$app/status"; }
export DISPLAY=$disp
xdotool key Return; sleep 1
before=$(rss)
start=$(date +%s)
done=0
while [ "$done" -lt "$PAGES" ]; do
  # One round: four pages forward, two chapters on, one back, home, open.
  xdotool key --delay 4 Next Next Next Next Right Right Left Escape Return
  done=$((done + 9))
done
sleep 2
after=$(rss)
echo "kiosk soak: $done page changes in $(( $(date +%s) - start )) s; RSS before ${before} MB, after ${after} MB"
# Fyne frees the renderers and textures of widgets no longer shown about a
# minute after their last use; measure again once that has had time.
sleep "${SETTLE:-90}"
xdotool key Escape; sleep 1
echo "kiosk soak: RSS ${SETTLE:-90} s later: $(rss) MB"
done2=0
while [ "$done2" -lt "$PAGES" ]; do
  xdotool key --delay 4 Next Next Next Next Right Right Left Escape Return
  done2=$((done2 + 9))
done
sleep 2
echo "kiosk soak: RSS after another $done2 page changes: $(rss) MB"
