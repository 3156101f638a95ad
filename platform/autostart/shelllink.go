package autostart

import (
	"bytes"
	"encoding/binary"
	"errors"
	"path"
	"strings"
	"unicode/utf16"
)

// ShellLink returns a Windows shortcut (.lnk) to the program target (a full
// path such as `C:\Program Files\Trienlam\trienlam.exe`) run with args in
// the folder workDir, in the Shell Link Binary File Format, [MS-SHLLINK]
// revision 8.0. It writes the least a valid shortcut needs, all
// little-endian:
//
//	ShellLinkHeader (76 bytes)
//	  HeaderSize      u32  0x4C
//	  LinkCLSID       16   00021401-0000-0000-C000-000000000046
//	  LinkFlags       u32  HasLinkInfo|HasName|HasWorkingDir|HasArguments|IsUnicode
//	  FileAttributes  u32  0 (unknown), three FILETIMEs 0, FileSize 0
//	  IconIndex       i32  0
//	  ShowCommand     u32  1 (SW_SHOWNORMAL)
//	  HotKey u16, Reserved1 u16, Reserved2 u32, Reserved3 u32  all 0
//	LinkInfo
//	  LinkInfoSize, LinkInfoHeaderSize (0x24: with the Unicode offsets),
//	  LinkInfoFlags (VolumeIDAndLocalBasePath), VolumeIDOffset,
//	  LocalBasePathOffset, CommonNetworkRelativeLinkOffset (0),
//	  CommonPathSuffixOffset, LocalBasePathOffsetUnicode,
//	  CommonPathSuffixOffsetUnicode                    u32 each
//	  VolumeID: VolumeIDSize, DriveType (3, fixed), DriveSerialNumber (0),
//	    VolumeLabelOffset (0x10) u32 each, then an empty label "\0"
//	  LocalBasePath             target, NUL-terminated, ASCII (others "?")
//	  CommonPathSuffix          "\0"
//	  LocalBasePathUnicode      target, NUL-terminated UTF-16LE
//	  CommonPathSuffixUnicode   "\0\0"
//	StringData, each a u16 count of UTF-16 code units then the units:
//	  NAME_STRING ("Trienlam"), WORKING_DIR, COMMAND_LINE_ARGUMENTS
//	ExtraData: TerminalBlock u32 0
//
// There is no LinkTargetIDList: Windows resolves the target from LinkInfo's
// local base path. The Unicode path is what Windows reads, so a user folder
// with Vietnamese letters works. args are joined into one command line
// quoted as CommandLineToArgvW splits it.
func ShellLink(target string, args []string, workDir string) ([]byte, error) {
	if !isWindowsAbs(target) {
		return nil, errors.New("autostart: the shortcut target must be a full path like C:\\folder\\program.exe")
	}
	cmdline := WindowsCommandLine(args)
	for _, s := range []string{target, workDir, cmdline} {
		if len(utf16.Encode([]rune(s))) > 0xFFFF || strings.ContainsRune(s, 0) {
			return nil, errors.New("autostart: shortcut text too long or holding NUL")
		}
	}
	var b bytes.Buffer
	le := binary.LittleEndian
	u32 := func(v uint32) { b.Write(le.AppendUint32(nil, v)) }
	u16 := func(v uint16) { b.Write(le.AppendUint16(nil, v)) }

	// ShellLinkHeader.
	flags := uint32(flagHasLinkInfo | flagHasName | flagIsUnicode | flagHasArguments)
	if workDir != "" {
		flags |= flagHasWorkingDir
	}
	u32(0x4C)
	b.Write(linkCLSID[:])
	u32(flags)
	u32(0)                    // FileAttributes
	b.Write(make([]byte, 24)) // CreationTime, AccessTime, WriteTime
	u32(0)                    // FileSize
	u32(0)                    // IconIndex
	u32(1)                    // ShowCommand: SW_SHOWNORMAL
	u16(0)                    // HotKey
	u16(0)                    // Reserved1
	u32(0)                    // Reserved2
	u32(0)                    // Reserved3

	// LinkInfo.
	const headerSize = 0x24
	volumeID := []byte{}
	volumeID = le.AppendUint32(volumeID, 0x11) // VolumeIDSize: 16 + "\0"
	volumeID = le.AppendUint32(volumeID, 3)    // DRIVE_FIXED
	volumeID = le.AppendUint32(volumeID, 0)    // DriveSerialNumber
	volumeID = le.AppendUint32(volumeID, 0x10) // VolumeLabelOffset
	volumeID = append(volumeID, 0)             // empty label
	ansi := append(asciiOnly(target), 0)
	suffix := []byte{0}
	uniPath := utf16z(target)
	uniSuffix := []byte{0, 0}
	volOff := uint32(headerSize)
	pathOff := volOff + uint32(len(volumeID))
	suffixOff := pathOff + uint32(len(ansi))
	uniPathOff := suffixOff + uint32(len(suffix))
	uniSuffixOff := uniPathOff + uint32(len(uniPath))
	size := uniSuffixOff + uint32(len(uniSuffix))
	u32(size)
	u32(headerSize)
	u32(1) // VolumeIDAndLocalBasePath
	u32(volOff)
	u32(pathOff)
	u32(0) // CommonNetworkRelativeLinkOffset
	u32(suffixOff)
	u32(uniPathOff)
	u32(uniSuffixOff)
	b.Write(volumeID)
	b.Write(ansi)
	b.Write(suffix)
	b.Write(uniPath)
	b.Write(uniSuffix)

	// StringData, in the order the format fixes.
	str := func(s string) {
		units := utf16.Encode([]rune(s))
		u16(uint16(len(units)))
		for _, u := range units {
			u16(u)
		}
	}
	str("Trienlam")
	if workDir != "" {
		str(workDir)
	}
	str(cmdline)

	u32(0) // TerminalBlock
	return b.Bytes(), nil
}

// LinkFlags bits used here ([MS-SHLLINK] 2.1.1).
const (
	flagHasLinkTargetIDList = 1 << 0
	flagHasLinkInfo         = 1 << 1
	flagHasName             = 1 << 2
	flagHasRelativePath     = 1 << 3
	flagHasWorkingDir       = 1 << 4
	flagHasArguments        = 1 << 5
	flagHasIconLocation     = 1 << 6
	flagIsUnicode           = 1 << 7
)

// linkCLSID is 00021401-0000-0000-C000-000000000046 in its byte order.
var linkCLSID = [16]byte{0x01, 0x14, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}

// isWindowsAbs reports whether p is a drive path "C:\…" or a UNC path.
func isWindowsAbs(p string) bool {
	if len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') {
		c := p[0] | 0x20
		return c >= 'a' && c <= 'z'
	}
	return strings.HasPrefix(p, `\\`)
}

// asciiOnly returns s with every non-ASCII rune as "?", for the ANSI copy
// of the path (Windows reads the Unicode one).
func asciiOnly(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r < 0x80 {
			out = append(out, byte(r))
		} else {
			out = append(out, '?')
		}
	}
	return out
}

// utf16z returns s as NUL-terminated UTF-16LE.
func utf16z(s string) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		out = binary.LittleEndian.AppendUint16(out, u)
	}
	return append(out, 0, 0)
}

// WindowsCommandLine joins args into one command line that
// CommandLineToArgvW (and Go's os.Args on Windows) split back into args:
// an argument with a space, tab or quote, or an empty one, goes in double
// quotes, a quote in it gets a backslash, and the backslashes before a
// quote or the closing quote are doubled.
func WindowsCommandLine(args []string) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = windowsQuote(a)
	}
	return strings.Join(parts, " ")
}

// windowsQuote quotes one argument for WindowsCommandLine.
func windowsQuote(a string) string {
	if a != "" && !strings.ContainsAny(a, " \t\n\v\"") {
		return a
	}
	var b strings.Builder
	b.WriteByte('"')
	slashes := 0
	for i := 0; i < len(a); i++ {
		c := a[i]
		switch c {
		case '\\':
			slashes++
		case '"':
			b.WriteString(strings.Repeat(`\`, slashes+1))
			slashes = 0
		default:
			slashes = 0
		}
		b.WriteByte(c)
	}
	b.WriteString(strings.Repeat(`\`, slashes))
	b.WriteByte('"')
	return b.String()
}

// windowsDir returns the folder of a Windows path ("" when it has none).
func windowsDir(p string) string {
	d := path.Dir(strings.ReplaceAll(p, `\`, `/`))
	if d == "." {
		return ""
	}
	d = strings.ReplaceAll(d, `/`, `\`)
	if len(d) == 2 && d[1] == ':' {
		d += `\`
	}
	return d
}
