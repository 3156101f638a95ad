#!/usr/bin/env bash
# packaging/verify-installers.sh — install, run, screenshot and uninstall
# both installers for real, and print a report.
#
#   Linux:   apt-get install ./dist/trienlam_V_amd64.deb; check the files (the
#            program and its media helper) and
#            `trienlam --version`; start the installed app on a private Xvfb,
#            check its window (title and WM_CLASS = StartupWMClass), take a
#            screenshot; apt-get purge; check that every file is gone.
#   Windows: in a fresh Wine prefix (a temporary folder), run
#            dist/trienlam-V-windows-amd64-setup.exe /S /AUTOSTART from a
#            folder that also holds a stand-in libmpv-2.dll (as district IT's
#            USB stick does); check the files (libmpv.dll copied), shortcuts
#            and Add/Remove Programs entry; start the installed exe, take a
#            screenshot; start it in kiosk mode and install again over it
#            (setup closes it and replaces the program whole); install again
#            while a file of the program is held open (setup stops, exit 2,
#            having written nothing); leave a "staff" pack in the install
#            folder; uninstall.exe /S; check that what was installed is gone
#            and the staff's files and settings are kept. Then install again
#            with /NODESKTOP and no DLL beside setup, and check that
#            uninstalling alone removes the folder.
#
# Needs root (apt-get) and the packages of `scripts/deps.sh dist`. Writes the
# report and screenshots to build/verify/. Exits 1 if any check fails.
#
# Wine 8 lacks bcryptprimitives.dll, which Go ≥ 1.22 programs need: a tiny
# test-only stand-in (packaging/wine/bcryptprimitives.c) is built with mingw
# and put into the throw-away prefix. Nothing of it is shipped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source packaging/lib.sh
source scripts/lib/xvfb.sh

out=${VERIFY_DIR:-$BUILD/verify}
# The Linux build of make dist, to zip a test .trienlam file for the Windows
# file-association check (the .deb is purged by then).
LINUX_BIN=$BUILD/linux-amd64/trienlam
mkdir -p "$out"
report=$out/report.txt
: >"$report"
failures=0
pass() { printf 'PASS  %s\n' "$*" | tee -a "$report"; }
fail() {
	printf 'FAIL  %s\n' "$*" | tee -a "$report"
	failures=$((failures + 1))
}
check() { # check DESCRIPTION COMMAND...: PASS when the command succeeds
	local what=$1
	shift
	if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}
note() { printf '      %s\n' "$*" | tee -a "$report"; }
section() { printf '\n== %s\n' "$*" | tee -a "$report"; }

[[ $(id -u) == 0 ]] || die "run as root (it installs and removes the .deb with apt-get): sudo make verify-installers"
need Xvfb xdotool xwd xwininfo xprop import dbus-run-session wine x86_64-w64-mingw32-gcc
[[ -f $DEB ]] || die "$DEB is missing: make dist"
[[ -f $WINDOWS_SETUP ]] || die "$WINDOWS_SETUP is missing: make dist"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/trienlam-verify.XXXXXX")
chmod 700 "$tmp"
drs_pid=
wine_pid=
cleanup() {
	set +e
	if [[ -n $drs_pid && -s $tmp/app.pid ]]; then app_stop "$(cat "$tmp/app.pid")" "$drs_pid"; fi
	if [[ -n ${WINEPREFIX:-} && -d $WINEPREFIX ]]; then
		wineserver -k >/dev/null 2>&1
		wineserver -w >/dev/null 2>&1
	fi
	xvfb_stop
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

{
	echo "Trienlam $VERSION — installer verification, $(date -u '+%Y-%m-%d %H:%M UTC') on $(. /etc/os-release && echo "$PRETTY_NAME")"
	for f in "$DEB" "$WINDOWS_SETUP" "$TARBALL"; do
		[[ -f $f ]] && awk -v f="$f" -v s="$(stat -c %s "$f")" 'BEGIN { printf "  %-48s %6.1f MB\n", f, s / 1048576 }'
	done
} | tee -a "$report"

xvfb_start 1280x720
mkdir -m 700 "$tmp/config"

# shoot PNG: a picture of the whole virtual screen.
shoot() { import -window root "$1"; }

# wait_content TITLE TIMEOUT PID: a window titled TITLE* that shows content.
wait_content() {
	local title=$1 timeout=$2 pid=${3:-} deadline
	x_wait_window "$title" "$timeout" "$pid" || return 1
	deadline=$(($(date +%s) + timeout))
	until x_has_content "$X_WID" "$tmp/frame.xwd"; do
		(($(date +%s) < deadline)) || return 1
		sleep 0.2
	done
}

# ---------------------------------------------------------------- Linux ----
section "Linux: $DEB"
if dpkg-query -W trienlam >/dev/null 2>&1; then
	note "trienlam was installed before; purging it first"
	apt-get purge -y trienlam >/dev/null 2>&1 || true
fi
# Recommends (libmpv2) would need the network on an offline machine.
if DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "./$DEB" >"$tmp/apt-install.log" 2>&1; then
	pass "apt-get install ./$DEB"
else
	fail "apt-get install ./$DEB"
	sed 's/^/      /' "$tmp/apt-install.log" | tail -20 | tee -a "$report"
fi
check "dpkg says trienlam $VERSION is installed" \
	test "$(dpkg-query -W -f='${Status} ${Version}' trienlam 2>/dev/null)" = "install ok installed $VERSION"
dpkg-query -L trienlam 2>/dev/null | sort >"$tmp/deb-files.txt" || true
note "$(grep -c . "$tmp/deb-files.txt") paths in the package"
for f in /usr/bin/trienlam /usr/bin/trienlam-media /usr/share/applications/vn.trienlam.exhibit.desktop \
	/usr/share/metainfo/vn.trienlam.exhibit.metainfo.xml /usr/share/man/man1/trienlam.1.gz \
	/usr/share/icons/hicolor/256x256/apps/vn.trienlam.exhibit.png /usr/share/doc/trienlam/copyright; do
	check "installed $f" test -s "$f"
done
got=$(/usr/bin/trienlam --version 2>/dev/null | head -n 1 || true)
check "trienlam --version says 'trienlam $VERSION' (got '$got')" test "$got" = "trienlam $VERSION"
check "man -w trienlam finds the man page" man -w trienlam

: >"$tmp/app.pid"
XDG_CONFIG_HOME=$tmp/config dbus-run-session -- sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$tmp/app.pid" \
	/usr/bin/trienlam </dev/null >"$tmp/linux-app.log" 2>&1 &
drs_pid=$!
if wait_content Trienlam 60 "$drs_pid"; then
	pass "the installed app opened a window titled 'Trienlam' with content"
	class=$(xprop -id "$X_WID" WM_CLASS 2>/dev/null | sed 's/^[^=]*= //')
	check "WM_CLASS ($class) contains the desktop file's StartupWMClass=Trienlam" grep -q '"Trienlam"' <<<"$class"
	sleep 2
	shoot "$out/linux.png"
	pass "screenshot $out/linux.png"
else
	fail "the installed app showed no window in 60 s"
	sed 's/^/      /' "$tmp/linux-app.log" | tail -20 | tee -a "$report"
fi
app_stop "$(cat "$tmp/app.pid" 2>/dev/null)" "$drs_pid"
drs_pid=

if apt-get purge -y trienlam >"$tmp/apt-purge.log" 2>&1; then pass "apt-get purge trienlam"; else fail "apt-get purge trienlam"; fi
check "dpkg no longer knows trienlam (dpkg -L fails)" bash -c '! dpkg-query -L trienlam'
left=()
while IFS= read -r p; do
	[[ -z $p || $p == /. ]] && continue
	if [[ -f $p || -L $p ]]; then left+=("$p"); fi
	# Folders that were the package's own (not shared, like /usr/share).
	if [[ -d $p && $p == *trienlam* ]]; then left+=("$p/"); fi
done <"$tmp/deb-files.txt"
if ((${#left[@]} == 0)); then
	pass "every file of the package is gone"
else
	fail "files left after purge: ${left[*]}"
fi

# -------------------------------------------------------------- Windows ----
section "Windows (Wine $(wine --version 2>/dev/null)): $WINDOWS_SETUP"
export WINEPREFIX=$tmp/wineprefix WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko install prompts in a throw-away prefix; the stand-in DLL is
# a native one.
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n"
t0=$(date +%s)
if wineboot -i >"$tmp/wineboot.log" 2>&1 && wineserver -w; then
	pass "fresh Wine prefix in $(($(date +%s) - t0)) s"
else
	fail "wineboot"
fi
sys32=$WINEPREFIX/drive_c/windows/system32
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$tmp/bcryptprimitives.dll" packaging/wine/bcryptprimitives.c
cp "$tmp/bcryptprimitives.dll" "$sys32/"
note "test-only stand-in bcryptprimitives.dll (ProcessPrng) copied into the prefix's system32"
# District IT's USB stick: the installer with libmpv-2.dll beside it. A
# stand-in DLL (no exports) is enough to check that setup copies it.
usb=$tmp/usb
mkdir -p "$usb"
cp "$WINDOWS_SETUP" "$usb/"
usb_setup=$usb/$(basename "$WINDOWS_SETUP")
echo 'int trienlam_test_standin;' >"$tmp/standin.c"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$usb/libmpv-2.dll" "$tmp/standin.c"
x86_64-w64-mingw32-gcc -O2 -s -o "$tmp/holdfile.exe" packaging/wine/holdfile.c
note "test-only stand-in libmpv-2.dll beside a copy of the installer in $usb"
# wine_app_running: a process of the installed program runs under Wine.
wine_app_running() { pgrep -f 'Trienlam.(trienlam|trienlam-media)\.exe' >/dev/null; }

c=$WINEPREFIX/drive_c
instdir="$c/Program Files/Trienlam"
startmenu="$c/ProgramData/Microsoft/Windows/Start Menu/Programs/Trienlam.lnk"
# Wine names the folder StartUp, Windows Startup (the same to Windows).
startup="$c/ProgramData/Microsoft/Windows/Start Menu/Programs/StartUp/Trienlam.lnk"
desktop="$c/users/Public/Desktop/Trienlam.lnk"
key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Trienlam'
regval() { { wine reg query "$key" /v "$1" 2>/dev/null || true; } | tr -d '\r' | awk -v v="$1" '$1 == v { $1 = ""; $2 = ""; sub(/^ +/, ""); print }'; }

# Wine 8 says it is Windows 7 unless told otherwise: the installer must
# refuse (Go programs need Windows 10).
wine "$WINDOWS_SETUP" /S >"$tmp/setup-win7.log" 2>&1 || true
wineserver -w
check "setup /S refuses Windows 7 (Wine's default version): nothing installed" test ! -e "$instdir"
winecfg -v win10 >/dev/null 2>&1
wineserver -w
note "Wine prefix set to Windows 10 (winecfg -v win10)"

t0=$(date +%s)
if wine "$usb_setup" /S /AUTOSTART >"$tmp/setup.log" 2>&1 && wineserver -w; then
	pass "setup /S /AUTOSTART (libmpv-2.dll beside it) finished in $(($(date +%s) - t0)) s"
else
	fail "setup /S /AUTOSTART"
fi
for f in trienlam.exe trienlam-media.exe uninstall.exe LICENSE.txt THIRD_PARTY_NOTICES.txt; do
	check "installed Program Files\\Trienlam\\$f" test -s "$instdir/$f"
done
check "copied libmpv-2.dll from beside setup.exe as Program Files\\Trienlam\\libmpv.dll" cmp -s "$usb/libmpv-2.dll" "$instdir/libmpv.dll"
check "Start-menu shortcut" test -f "$startmenu"
check "desktop shortcut (default on)" test -f "$desktop"
check "start-with-Windows shortcut (/AUTOSTART)" test -f "$startup"
for v in DisplayName DisplayVersion Publisher DisplayIcon UninstallString QuietUninstallString EstimatedSize NoModify NoRepair; do
	val=$(regval "$v")
	if [[ -n $val ]]; then pass "Add/Remove Programs $v = $val"; else fail "Add/Remove Programs $v is missing"; fi
done
check "DisplayVersion is $VERSION" test "$(regval DisplayVersion)" = "$VERSION"

x_find_window Trienlam || true
check "no Trienlam window is left from the Linux run" test -z "$X_WID"
: >"$tmp/wine-app.log"
wine "$instdir/trienlam.exe" >"$tmp/wine-app.log" 2>&1 &
wine_pid=$!
if wait_content Trienlam 120 "$wine_pid"; then
	pass "the installed trienlam.exe opened a window titled 'Trienlam' with content under Wine"
	class=$(xprop -id "$X_WID" WM_CLASS 2>/dev/null | sed 's/^[^=]*= //')
	check "the window is Wine's (WM_CLASS $class)" grep -qi 'trienlam.exe' <<<"$class"
	sleep 3
	shoot "$out/windows.png"
	pass "screenshot $out/windows.png"
else
	fail "the installed trienlam.exe showed no window in 120 s"
	sed 's/^/      /' "$tmp/wine-app.log" | tail -20 | tee -a "$report"
fi
wineserver -k >/dev/null 2>&1 || true
wait "$wine_pid" 2>/dev/null || true
wineserver -w
# .trienlam files: the installer's ProgID opens them with the exhibit. A
# small pack of its own title, zipped by the Linux build, opened the way
# Explorer does (start = ShellExecute on the association).
classes='HKLM\Software\Classes'
check ".trienlam is associated with Trienlam.Exhibit" bash -c "wine reg query '$classes\.trienlam' /ve 2>/dev/null | tr -d '\r' | grep -q Trienlam.Exhibit"
check "Trienlam.Exhibit opens files with trienlam.exe \"%1\"" bash -c "wine reg query '$classes\Trienlam.Exhibit\shell\open\command' /ve 2>/dev/null | tr -d '\r' | grep -qi 'trienlam.exe\" \"%1'"
mkdir -p "$tmp/assoc/chapters"
printf 'format = 1\nid = "kiem-tra-tep"\ntitle = "Tệp .trienlam mở bằng nháy đúp"\nlanguage = "vi"\n\n[[chapters]]\nid = "mot"\ntitle = "Một"\nfile = "chapters/mot.md"\n' >"$tmp/assoc/pack.toml"
printf '# Một\n\nMở từ tệp .trienlam.\n' >"$tmp/assoc/chapters/mot.md"
"$LINUX_BIN" zip "$tmp/assoc" "$tmp/kiem-tra.trienlam" >/dev/null 2>&1
wine start /wait /unix "$tmp/kiem-tra.trienlam" >"$tmp/wine-assoc.log" 2>&1 &
assoc_pid=$!
if wait_content Trienlam 120 "$assoc_pid"; then
	sleep 3
	shoot "$out/windows-open-trienlam-file.png"
	pass "opening a .trienlam file (start file.trienlam) started the exhibit: screenshot $out/windows-open-trienlam-file.png (its title plate reads “Tệp .trienlam mở bằng nháy đúp”)"
else
	fail "opening a .trienlam file under Wine showed no Trienlam window in 120 s"
fi
wineserver -k >/dev/null 2>&1 || true
wait "$assoc_pid" 2>/dev/null || true
wineserver -w
# No OpenGL: the same exe on a second screen without GLX must show the
# Vietnamese message box (glcheck) instead of vanishing.
nogl=
for ((n = 300; n < 400; n++)); do
	[[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || { nogl=$n; break; }
done
Xvfb ":$nogl" -screen 0 1024x768x24 -extension GLX -noreset -nolisten tcp >"$tmp/xvfb-nogl.log" 2>&1 &
nogl_pid=$!
for ((i = 0; i < 200; i++)); do [[ -e /tmp/.X11-unix/X$nogl ]] && break; sleep 0.05; done
DISPLAY=:$nogl wine "$instdir/trienlam.exe" >"$tmp/wine-nogl.log" 2>&1 &
wine_pid=$!
if DISPLAY=:$nogl x_wait_window "Trienlam" 60 "$wine_pid"; then
	sleep 1
	title=$(DISPLAY=:$nogl xdotool getwindowname "$X_WID" 2>/dev/null || true)
	DISPLAY=:$nogl import -window root "$out/windows-no-opengl.png"
	check "without OpenGL the exe shows a message box (title '$title')" grep -q 'Trienlam –' <<<"$title"
	pass "screenshot $out/windows-no-opengl.png"
else
	fail "without OpenGL the exe showed no message box"
	sed 's/^/      /' "$tmp/wine-nogl.log" | tail -10 | tee -a "$report"
fi
wineserver -k >/dev/null 2>&1 || true
wait "$wine_pid" 2>/dev/null || true
wineserver -w
kill "$nogl_pid" 2>/dev/null || true
wait "$nogl_pid" 2>/dev/null || true

# Reinstalling over a running kiosk: the exhibit in kiosk mode (its
# supervisor and the exhibit: two trienlam.exe) is closed by setup, which
# then replaces the program whole.
wine "$instdir/trienlam.exe" --kiosk >"$tmp/wine-kiosk.log" 2>&1 &
wine_pid=$!
if wait_content Trienlam 120 "$wine_pid"; then
	pass "the installed trienlam.exe --kiosk runs ($(pgrep -fc 'Trienlam.trienlam\.exe' || true) trienlam.exe processes)"
	t0=$(date +%s)
	if wine "$usb_setup" /S >"$tmp/setup-over-kiosk.log" 2>&1; then
		pass "setup /S over the running kiosk finished (exit 0) in $(($(date +%s) - t0)) s"
	else
		fail "setup /S over the running kiosk (exit $?)"
	fi
	if wine_app_running; then
		fail "trienlam.exe or trienlam-media.exe still runs after setup: $(pgrep -fa 'Trienlam.(trienlam|trienlam-media)\.exe' | tr '\n' '|')"
	else
		pass "setup closed the running exhibit (no trienlam.exe or trienlam-media.exe left)"
	fi
	x_find_window Trienlam || true
	check "the kiosk's window is gone" test -z "$X_WID"
	check "trienlam.exe was replaced whole (same as the build's)" cmp -s "$WINDOWS_EXE" "$instdir/trienlam.exe"
	check "trienlam-media.exe was replaced whole" cmp -s "$MEDIA_WINDOWS_EXE" "$instdir/trienlam-media.exe"
	check "libmpv.dll is in place" cmp -s "$usb/libmpv-2.dll" "$instdir/libmpv.dll"
else
	fail "trienlam.exe --kiosk showed no window in 120 s"
	sed 's/^/      /' "$tmp/wine-kiosk.log" | tail -20 | tee -a "$report"
fi
wineserver -k >/dev/null 2>&1 || true
wait "$wine_pid" 2>/dev/null || true
wineserver -w

# A program file that cannot be freed (held open by a process setup cannot
# end): setup must stop before writing anything. LICENSE.txt, removed
# first, would come back if it wrote files.
rm -f "$instdir/LICENSE.txt"
wine "$tmp/holdfile.exe" 'C:\Program Files\Trienlam\trienlam-media.exe' >"$tmp/holdfile.log" 2>&1 &
hold_pid=$!
for ((i = 0; i < 300; i++)); do
	grep -q holding "$tmp/holdfile.log" 2>/dev/null && break
	sleep 0.1
done
if grep -q holding "$tmp/holdfile.log"; then
	t0=$(date +%s)
	rc=0
	wine "$usb_setup" /S >"$tmp/setup-held.log" 2>&1 || rc=$?
	check "setup /S stops with exit status 2 when the program cannot be closed (got $rc, after $(($(date +%s) - t0)) s)" test "$rc" = 2
	check "…having written nothing (LICENSE.txt, removed first, is still missing)" test ! -e "$instdir/LICENSE.txt"
	check "…and trienlam.exe is still the installed one" cmp -s "$WINDOWS_EXE" "$instdir/trienlam.exe"
else
	fail "the test-only holdfile.exe did not start: $(cat "$tmp/holdfile.log")"
fi
wineserver -k >/dev/null 2>&1 || true
wait "$hold_pid" 2>/dev/null || true
wineserver -w
cp LICENSE "$instdir/LICENSE.txt"

prefs=$(find "$c/users" -path '*fyne/vn.trienlam.exhibit*' -type f 2>/dev/null | head -n 1)
if [[ -n $prefs ]]; then note "the app wrote its settings: ${prefs#"$c/"}"; else
	mkdir -p "$c/users/$(id -un)/AppData/Roaming/fyne/vn.trienlam.exhibit"
	prefs="$c/users/$(id -un)/AppData/Roaming/fyne/vn.trienlam.exhibit/preferences.json"
	echo '{}' >"$prefs"
	note "the app wrote no settings yet; made ${prefs#"$c/"} as staff would"
fi
# What staff make: a pack inside the install folder.
mkdir -p "$instdir/packs/trien-lam-moi"
echo 'format = 1' >"$instdir/packs/trien-lam-moi/pack.toml"

t0=$(date +%s)
wine "$instdir/uninstall.exe" /S >"$tmp/uninstall.log" 2>&1 || true
# uninstall.exe copies itself to %TEMP% and returns at once: wait for it.
for ((i = 0; i < 600; i++)); do
	[[ -e $instdir/uninstall.exe || -e $instdir/trienlam.exe ]] || break
	sleep 0.1
done
wineserver -w
pass "uninstall.exe /S (finished in $(($(date +%s) - t0)) s)"
for f in trienlam.exe trienlam-media.exe uninstall.exe LICENSE.txt THIRD_PARTY_NOTICES.txt; do
	check "removed Program Files\\Trienlam\\$f" test ! -e "$instdir/$f"
done
check "removed libmpv.dll (setup had copied it)" test ! -e "$instdir/libmpv.dll"
check "removed the Start-menu shortcut" test ! -e "$startmenu"
check "removed the desktop shortcut" test ! -e "$desktop"
check "removed the start-with-Windows shortcut" test ! -e "$startup"
check "removed the Add/Remove Programs entry (reg query fails)" bash -c "! wine reg query '$key' >/dev/null 2>&1"
check "kept the staff's pack (Program Files\\Trienlam\\packs\\trien-lam-moi\\pack.toml)" test -f "$instdir/packs/trien-lam-moi/pack.toml"
check "kept the settings in %APPDATA%" test -f "$prefs"
note "left in Program Files\\Trienlam: $(cd "$instdir" 2>/dev/null && find . -mindepth 1 | sed 's|^\./||' | tr '\n' ' ')"

# Second round: /NODESKTOP, and no staff files, so the folder itself goes.
rm -rf "$instdir"
if wine "$WINDOWS_SETUP" /S /NODESKTOP >"$tmp/setup2.log" 2>&1 && wineserver -w; then
	pass "setup /S /NODESKTOP"
else
	fail "setup /S /NODESKTOP"
fi
check "no desktop shortcut with /NODESKTOP" test ! -e "$desktop"
check "no libmpv.dll when none is beside setup.exe" test ! -e "$instdir/libmpv.dll"
check "no start-with-Windows shortcut without /AUTOSTART" test ! -e "$startup"
check "Start-menu shortcut" test -f "$startmenu"
wine "$instdir/uninstall.exe" /S >"$tmp/uninstall2.log" 2>&1 || true
for ((i = 0; i < 600; i++)); do
	[[ -e $instdir ]] || break
	sleep 0.1
done
wineserver -w
check "uninstall.exe /S removed the Program Files\\Trienlam folder" test ! -e "$instdir"
check "removed the Start-menu shortcut" test ! -e "$startmenu"
check "removed the Add/Remove Programs entry" bash -c "! wine reg query '$key' >/dev/null 2>&1"

# The installer's pages, in Vietnamese: pick Vietnamese in the language
# dialog (English is first in its list), then look at the welcome page.
wine "$WINDOWS_SETUP" >"$tmp/setup-gui.log" 2>&1 &
setup_pid=$!
if x_wait_window "Installer Language" 60 "$setup_pid"; then
	sleep 1
	xdotool windowfocus --sync "$X_WID" 2>/dev/null || xdotool windowfocus "$X_WID" 2>/dev/null || true
	xdotool key --window "$X_WID" Down
	sleep 0.5
	xdotool key Return
	# The installer's window title ends in "Trienlam" (xdotool's --name is
	# a regular expression; x_wait_window anchors it at the start).
	X_WID=
	for ((i = 0; i < 300; i++)); do
		X_WID=$(xdotool search --onlyvisible --name 'Trienlam$' 2>/dev/null | head -n 1 || true)
		[[ -n $X_WID ]] && break
		sleep 0.1
	done
	if [[ -n $X_WID ]]; then
		sleep 2
		title=$(xdotool getwindowname "$X_WID" 2>/dev/null || true)
		shoot "$out/windows-setup.png"
		# (NSIS's Vietnamese strings are not all in the same Unicode
		# normalisation form as this file: compare with the English title.)
		check "the installer's window is in Vietnamese (title '$title', not 'Trienlam Setup')" \
			test -n "$title" -a "$title" != "Trienlam Setup"
		pass "screenshot $out/windows-setup.png (welcome page)"
	else
		fail "the installer showed no page after the language dialog"
		note "windows: $(xdotool search --onlyvisible --name '' getwindowname %@ 2>/dev/null | tr '\n' '|')"
	fi
else
	fail "the installer showed no language dialog"
fi
wineserver -k >/dev/null 2>&1 || true
wait "$setup_pid" 2>/dev/null || true
wineserver -w
check "cancelling the installer installed nothing" test ! -e "$instdir"

if [[ -f $out/linux.png && -f $out/windows.png ]] && cmp -s "$out/linux.png" "$out/windows.png"; then
	note "linux.png and windows.png are pixel-identical: both programs draw with Mesa's llvmpipe on"
	note "the same Xvfb (the Wine window's WM_CLASS above shows it is the Windows exe)"
fi

section "Result"
if ((failures == 0)); then
	echo "All checks passed. Report: $report; screenshots: $out/linux.png, $out/windows.png" | tee -a "$report"
else
	echo "$failures check(s) FAILED. Report: $report" | tee -a "$report"
	exit 1
fi
