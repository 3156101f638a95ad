package autostart

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
)

// parseExec splits an Exec value back into arguments as a desktop
// environment does: string unescaping, then quoting, then %%.
func parseExec(t *testing.T, v string) []string {
	t.Helper()
	// String value unescaping.
	var s strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) {
			i++
			switch v[i] {
			case 's':
				s.WriteByte(' ')
			case 'n':
				s.WriteByte('\n')
			case 't':
				s.WriteByte('\t')
			case 'r':
				s.WriteByte('\r')
			case '\\':
				s.WriteByte('\\')
			default:
				t.Fatalf("bad string escape \\%c in %q", v[i], v)
			}
			continue
		}
		s.WriteByte(v[i])
	}
	line := s.String()
	var args []string
	var cur strings.Builder
	in, have := false, false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case in && c == '\\':
			i++
			if !strings.ContainsRune("\"`$\\", rune(line[i])) {
				t.Fatalf("bad quoted escape in %q", line)
			}
			cur.WriteByte(line[i])
		case in && c == '"':
			in = false
		case in:
			cur.WriteByte(c)
		case c == '"':
			in, have = true, true
		case c == ' ':
			if have {
				args = append(args, cur.String())
			}
			cur.Reset()
			have = false
		default:
			if strings.ContainsRune(execReserved, rune(c)) {
				t.Fatalf("unquoted reserved %q in %q", c, line)
			}
			cur.WriteByte(c)
			have = true
		}
	}
	if in {
		t.Fatalf("unclosed quote in %q", line)
	}
	if have {
		args = append(args, cur.String())
	}
	for i, a := range args {
		if strings.Contains(strings.ReplaceAll(a, "%%", ""), "%") {
			t.Fatalf("field code left in %q", a)
		}
		args[i] = strings.ReplaceAll(a, "%%", "%")
	}
	return args
}

func TestExecLine(t *testing.T) {
	for _, args := range [][]string{
		{"/usr/bin/trienlam", "--kiosk"},
		{"/home/nguyễn văn a/Ứng dụng/trienlam", "--pack", "/media/usb/Gói 2024.zip"},
		{"/opt/t", "", "100%", "a\"b", "c\\d", "$HOME", "`x`", "it's", "a;b&c|d", "line\nbreak", "tab\there", "#(*?)~<>"},
	} {
		line := ExecLine(args[0], args[1:])
		if got := parseExec(t, line); strings.Join(got, "\x00") != strings.Join(args, "\x00") {
			t.Errorf("ExecLine(%q) = %q, reads back as %q", args, line, got)
		}
		if strings.ContainsAny(line, "\n\t\r") {
			t.Errorf("raw control character in %q", line)
		}
	}
	if got := ExecLine("/usr/bin/trienlam", []string{"--kiosk"}); got != "/usr/bin/trienlam --kiosk" {
		t.Errorf("plain line %q", got)
	}
	if got := ExecLine("/a b/t", []string{`c\d`}); got != `"/a b/t" "c\\\\d"` {
		t.Errorf("backslash in quotes: %q, want four backslashes", got)
	}
}

func TestEnableDisableXDG(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("XDG autostart is for Linux and the BSDs")
	}
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	want := filepath.Join(dir, "autostart", "vn.trienlam.exhibit.desktop")
	if Path() != want {
		t.Fatalf("Path() = %q, want %q", Path(), want)
	}
	if Enabled() {
		t.Fatal("enabled before Enable")
	}
	if err := Disable(); err != nil {
		t.Errorf("Disable with no entry: %v", err)
	}
	exe := "/home/cán bộ/trienlam"
	if err := Enable(exe, []string{"--kiosk"}); err != nil {
		t.Fatal(err)
	}
	if !Enabled() {
		t.Fatal("not enabled after Enable")
	}
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, line := range []string{"[Desktop Entry]", "Type=Application", `Exec="/home/cán bộ/trienlam" --kiosk`, "X-GNOME-Autostart-enabled=true"} {
		if !strings.Contains(text, line+"\n") {
			t.Errorf("entry lacks %q:\n%s", line, text)
		}
	}
	if v, err := exec.LookPath("desktop-file-validate"); err == nil {
		if out, err := exec.Command(v, want).CombinedOutput(); err != nil || len(bytes.TrimSpace(out)) > 0 {
			t.Errorf("desktop-file-validate: %v\n%s", err, out)
		}
	}
	// Switched off by the desktop's own settings.
	os.WriteFile(want, []byte(strings.Replace(text, "X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false", 1)), 0o644)
	if Enabled() {
		t.Error("enabled though X-GNOME-Autostart-enabled=false")
	}
	os.WriteFile(want, []byte(text+"Hidden=true\n"), 0o644)
	if Enabled() {
		t.Error("enabled though Hidden=true")
	}
	if err := Enable(exe, nil); err != nil || !Enabled() {
		t.Errorf("Enable again: %v", err)
	}
	if err := Disable(); err != nil || Enabled() {
		t.Errorf("Disable: %v, enabled %v", err, Enabled())
	}
	if _, err := os.Stat(want); !os.IsNotExist(err) {
		t.Errorf("entry still there: %v", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "autostart", ".trienlam-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %q", leftovers)
	}
}

// link is what parseLink reads from a .lnk.
type link struct {
	flags                     uint32
	showCommand               uint32
	ansiPath, unicodePath     string
	name, workDir, arguments  string
	driveType, volumeLabelOff uint32
}

// parseLink reads a shell link as a consumer of [MS-SHLLINK] would,
// checking every size and offset on the way.
func parseLink(t *testing.T, b []byte) link {
	t.Helper()
	le := binary.LittleEndian
	need := func(off, n int) {
		t.Helper()
		if off < 0 || off+n > len(b) {
			t.Fatalf("read of %d bytes at %d past the end (%d)", n, off, len(b))
		}
	}
	u32 := func(off int) uint32 { need(off, 4); return le.Uint32(b[off:]) }
	u16 := func(off int) uint16 { need(off, 2); return le.Uint16(b[off:]) }
	var l link
	if u32(0) != 0x4C || !bytes.Equal(b[4:20], linkCLSID[:]) {
		t.Fatalf("bad header % x", b[:20])
	}
	l.flags = u32(20)
	l.showCommand = u32(60)
	off := 76
	if l.flags&flagHasLinkTargetIDList != 0 {
		off += 2 + int(u16(off))
	}
	if l.flags&flagHasLinkInfo == 0 {
		t.Fatal("no LinkInfo")
	}
	li := b[off:]
	size := int(u32(off))
	need(off, size)
	hsize := u32(off + 4)
	if hsize != 0x1C && hsize < 0x24 {
		t.Fatalf("LinkInfoHeaderSize %#x", hsize)
	}
	if u32(off+8)&1 == 0 {
		t.Fatal("no VolumeIDAndLocalBasePath")
	}
	cstr := func(base []byte, o uint32) string {
		t.Helper()
		if int(o) >= size {
			t.Fatalf("offset %d outside LinkInfo (%d)", o, size)
		}
		end := bytes.IndexByte(base[o:size], 0)
		if end < 0 {
			t.Fatal("unterminated string")
		}
		return string(base[o : int(o)+end])
	}
	vol := int(u32(off + 12))
	vsize := u32(off + vol)
	if vsize <= 0x10 {
		t.Fatalf("VolumeIDSize %d", vsize)
	}
	l.driveType = u32(off + vol + 4)
	l.volumeLabelOff = u32(off + vol + 12)
	l.ansiPath = cstr(li, u32(off+16))
	_ = cstr(li, u32(off+24)) // CommonPathSuffix
	if hsize >= 0x24 {
		o := int(u32(off + 28))
		var units []uint16
		for ; ; o += 2 {
			if o+2 > size {
				t.Fatal("unterminated Unicode path")
			}
			u := le.Uint16(li[o:])
			if u == 0 {
				break
			}
			units = append(units, u)
		}
		l.unicodePath = string(utf16.Decode(units))
	}
	off += size
	str := func() string {
		n := int(u16(off))
		need(off+2, 2*n)
		units := make([]uint16, n)
		for i := range units {
			units[i] = le.Uint16(b[off+2+2*i:])
		}
		off += 2 + 2*n
		return string(utf16.Decode(units))
	}
	if l.flags&flagIsUnicode == 0 {
		t.Fatal("not Unicode")
	}
	if l.flags&flagHasName != 0 {
		l.name = str()
	}
	if l.flags&flagHasRelativePath != 0 {
		str()
	}
	if l.flags&flagHasWorkingDir != 0 {
		l.workDir = str()
	}
	if l.flags&flagHasArguments != 0 {
		l.arguments = str()
	}
	if l.flags&flagHasIconLocation != 0 {
		str()
	}
	if u32(off) != 0 || off+4 != len(b) {
		t.Fatalf("no TerminalBlock at the end (%d of %d)", off, len(b))
	}
	return l
}

func TestShellLink(t *testing.T) {
	target := `C:\Users\Nguyễn Văn A\AppData\Local\Programs\Trienlam\trienlam.exe`
	args := []string{"--kiosk", "--pack", `D:\Gói triển lãm\2024.zip`, `say "hi"`, `tail\`, ""}
	data, err := ShellLink(target, args, windowsDir(target))
	if err != nil {
		t.Fatal(err)
	}
	l := parseLink(t, data)
	if l.unicodePath != target {
		t.Errorf("Unicode path %q", l.unicodePath)
	}
	if l.ansiPath != `C:\Users\Nguy?n V?n A\AppData\Local\Programs\Trienlam\trienlam.exe` {
		t.Errorf("ANSI path %q", l.ansiPath)
	}
	if l.workDir != `C:\Users\Nguyễn Văn A\AppData\Local\Programs\Trienlam` || l.name != "Trienlam" || l.showCommand != 1 {
		t.Errorf("link %+v", l)
	}
	if l.driveType != 3 || l.volumeLabelOff != 0x10 {
		t.Errorf("volume %+v", l)
	}
	wantArgs := `--kiosk --pack "D:\Gói triển lãm\2024.zip" "say \"hi\"" tail\ ""`
	if l.arguments != wantArgs {
		t.Errorf("arguments %q, want %q", l.arguments, wantArgs)
	}
	if got := splitWindows(l.arguments); strings.Join(got, "\x00") != strings.Join(args, "\x00") {
		t.Errorf("arguments split back as %q", got)
	}

	if _, err := ShellLink("trienlam.exe", nil, ""); err == nil {
		t.Error("relative target accepted")
	}

	// An independent reader, when installed (Debian: liblnk-utils).
	if lnkinfo, err := exec.LookPath("lnkinfo"); err == nil {
		f := filepath.Join(t.TempDir(), "Trienlam.lnk")
		os.WriteFile(f, data, 0o644)
		out, err := exec.Command(lnkinfo, f).CombinedOutput()
		if err != nil {
			t.Fatalf("lnkinfo: %v\n%s", err, out)
		}
		for _, want := range []string{"Local path", "Nguyễn Văn A", "Command line arguments", `"say \"hi\""`, "Working directory"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("lnkinfo output lacks %q:\n%s", want, out)
			}
		}
		t.Logf("lnkinfo:\n%s", out)
	} else {
		t.Log("lnkinfo not installed: checked with the parser in this test only")
	}
}

// splitWindows splits a command line as CommandLineToArgvW does (for the
// arguments, after the program name).
func splitWindows(s string) []string {
	var args []string
	var cur strings.Builder
	in, have := false, false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			n := 0
			for i < len(s) && s[i] == '\\' {
				n++
				i++
			}
			if i < len(s) && s[i] == '"' {
				cur.WriteString(strings.Repeat(`\`, n/2))
				if n%2 == 1 {
					cur.WriteByte('"')
					i++
				}
			} else {
				cur.WriteString(strings.Repeat(`\`, n))
			}
			have = true
			continue
		case c == '"':
			in = !in
			have = true
		case (c == ' ' || c == '\t') && !in:
			if have {
				args = append(args, cur.String())
			}
			cur.Reset()
			have = false
		default:
			cur.WriteByte(c)
			have = true
		}
		i++
	}
	if have {
		args = append(args, cur.String())
	}
	return args
}

func TestWindowsDir(t *testing.T) {
	for in, want := range map[string]string{
		`C:\Program Files\Trienlam\trienlam.exe`: `C:\Program Files\Trienlam`,
		`C:\trienlam.exe`:                        `C:\`,
		`trienlam.exe`:                           ``,
	} {
		if got := windowsDir(in); got != want {
			t.Errorf("windowsDir(%q) = %q, want %q", in, got, want)
		}
	}
}
