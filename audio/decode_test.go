package audio

import (
	"errors"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/gopxl/beep/v2"
)

// drain reads s to its end and returns its samples (left channel) and error.
func drain(s beep.Streamer) ([]float64, error) {
	var out []float64
	buf := make([][2]float64, 512)
	for {
		n, ok := s.Stream(buf)
		for _, x := range buf[:n] {
			out = append(out, x[0])
		}
		if !ok || n < len(buf) {
			return out, s.Err()
		}
	}
}

func TestDecodeFormats(t *testing.T) {
	for _, tc := range []struct {
		name string
		// lossy formats only approximate the sine
		tolerance float64
	}{
		{"sine3s.wav", 1e-4},
		{"sine3s.flac", 1e-4},
		{"sine3s.ogg", 0.1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			testdataFile(t, tc.name)
			s, format, err := Decode(os.DirFS("testdata"), tc.name)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if format.SampleRate != testRate || format.NumChannels != 1 {
				t.Errorf("format = %+v, want %d Hz mono", format, testRate)
			}
			if got := format.SampleRate.D(s.Len()); got != 3*time.Second {
				t.Errorf("duration = %s, want 3s", got)
			}
			samples, err := drain(s)
			if err != nil {
				t.Fatal(err)
			}
			if len(samples) != s.Len() {
				t.Errorf("streamed %d samples, Len says %d", len(samples), s.Len())
			}
			want := sine(testRate, 3, 440, 0.5)
			var worst float64
			for i := range min(len(samples), len(want)) {
				worst = max(worst, math.Abs(samples[i]-want[i]))
			}
			if worst > tc.tolerance {
				t.Errorf("samples differ from the sine by up to %.4f (tolerance %.4f)", worst, tc.tolerance)
			}

			// Seeking works and is exact.
			if err := s.Seek(testRate); err != nil {
				t.Fatal(err)
			}
			if s.Position() != testRate {
				t.Errorf("after Seek(%d) Position = %d", testRate, s.Position())
			}
			rest, _ := drain(s)
			if len(rest) != s.Len()-testRate {
				t.Errorf("after seeking to 1 s, %d samples remain, want %d", len(rest), s.Len()-testRate)
			}
		})
	}
}

func TestDecodeErrorsNameTheFile(t *testing.T) {
	testdataFile(t, "corrupt.ogg")
	testdataFile(t, "truncated.ogg")
	wav := wavBytes(8000, constant(800, 0.1))
	fsys := fstest.MapFS{
		"audio/01.ogg":      {Data: []byte("this is not Ogg Vorbis, just text with an .ogg name")},
		"audio/bad.wav":     {Data: []byte("RIFF1234WAVExxxx")},
		"audio/bad.mp3":     {Data: []byte("ID3 nothing else")},
		"audio/bad.flac":    {Data: []byte("fLaC")},
		"audio/empty.ogg":   {Data: nil},
		"audio/ok.wav":      {Data: wav},
		"audio/renamed.mp3": {Data: []byte("OggS\x00\x02 and more")},
	}
	for _, tc := range []struct {
		fsys fs.FS
		path string
		want string
		is   error
	}{
		{fsys, "audio/01.ogg", "audio/01.ogg: not an Ogg Vorbis file: ", nil},
		{fsys, "audio/empty.ogg", "audio/empty.ogg: empty file", nil},
		{fsys, "audio/bad.wav", "audio/bad.wav: damaged or truncated WAV file: ", nil},
		{fsys, "audio/bad.mp3", "audio/bad.mp3: damaged or truncated MP3 file: ", nil},
		{fsys, "audio/renamed.mp3", `audio/renamed.mp3: not an MP3 file: it starts with "OggS", not "ID3"`, nil},
		{fsys, "audio/bad.flac", "audio/bad.flac: damaged or truncated FLAC file: ", nil},
		{fsys, "audio/missing.ogg", "audio/missing.ogg", fs.ErrNotExist},
		{fsys, "audio/notes.txt", "audio/notes.txt: not a known audio format", ErrUnknownFormat},
		{nil, "audio/ok.wav", "audio/ok.wav", fs.ErrInvalid},
		{os.DirFS("testdata"), "corrupt.ogg", "corrupt.ogg: not an Ogg Vorbis file: ", nil},
		{os.DirFS("testdata"), "truncated.ogg", "truncated.ogg: damaged or truncated Ogg Vorbis file: ", io.ErrUnexpectedEOF},
	} {
		t.Run(tc.path, func(t *testing.T) {
			s, _, err := Decode(tc.fsys, tc.path)
			if err == nil {
				s.Close()
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tc.want) && !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not name the file as %q", err, tc.want)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %q is not %v", err, tc.is)
			}
			t.Log(err)
		})
	}
}

func TestDecodeNeedsMediaHelper(t *testing.T) {
	for _, p := range []string{"audio/phone.m4a", "a.AAC", "x/y.opus", "old.wma"} {
		_, _, err := Decode(fstest.MapFS{}, p)
		if !errors.Is(err, ErrNeedsMediaHelper) {
			t.Errorf("Decode(%s) = %v, want ErrNeedsMediaHelper", p, err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), p+": ") {
			t.Errorf("error %q does not name %s", err, p)
		}
		if IsNative(p) {
			t.Errorf("IsNative(%s) = true", p)
		}
	}
	for _, p := range []string{"a.ogg", "b.OGG", "c.mp3", "d.wav", "e.flac", "f.oga"} {
		if !IsNative(p) {
			t.Errorf("IsNative(%s) = false", p)
		}
	}
}

// unseekableFS hides Seek, as the files of a zip archive do.
type unseekableFS struct{ fs.FS }

type unseekableFile struct{ f fs.File }

func (u unseekableFile) Stat() (fs.FileInfo, error) { return u.f.Stat() }
func (u unseekableFile) Read(b []byte) (int, error) { return u.f.Read(b) }
func (u unseekableFile) Close() error               { return u.f.Close() }

func (u unseekableFS) Open(name string) (fs.File, error) {
	f, err := u.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return unseekableFile{f}, nil
}

func TestDecodeUnseekableFile(t *testing.T) {
	testdataFile(t, "sine3s.ogg")
	s, format, err := Decode(unseekableFS{os.DirFS("testdata")}, "sine3s.ogg")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := format.SampleRate.D(s.Len()); got != 3*time.Second {
		t.Errorf("duration = %s, want 3s", got)
	}
	if err := s.Seek(s.Len() / 2); err != nil {
		t.Fatal(err)
	}
	rest, err := drain(s)
	if err != nil || len(rest) != s.Len()-s.Len()/2 {
		t.Errorf("after seeking half way: %d samples, %v", len(rest), err)
	}
}

// TestDecodeLargeUnseekableSpools decodes a WAV larger than maxInMemory
// from a file that cannot seek, as from a zip: it is copied to a temporary
// file rather than held in memory, and the copy is gone once closed.
func TestDecodeLargeUnseekableSpools(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	n := maxInMemory/2 + 22050 // 16-bit mono: just over maxInMemory bytes
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "long.wav"), wavBytes(22050, constant(n, 0.25)), 0o644); err != nil {
		t.Fatal(err)
	}
	s, _, err := Decode(unseekableFS{os.DirFS(dir)}, "long.wav")
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != n {
		t.Errorf("Len = %d, want %d", s.Len(), n)
	}
	if _, ok := s.(beep.StreamSeekCloser); !ok {
		t.Fatal("not seekable")
	}
	if err := s.Seek(n - 10); err != nil {
		t.Fatal(err)
	}
	if left, err := os.ReadDir(tmp); err != nil || len(left) != 1 {
		t.Errorf("while open, temporary folder holds %v (%v), want the one copy", left, err)
	}
	s.Close()
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("after Close, temporary folder still holds %v", left)
	}
}
