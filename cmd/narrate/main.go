// Command narrate makes the synthetic narration of an exhibit pack: for each
// chapter, one OGG Vorbis recording read by espeak-ng's Vietnamese voice and
// a WebVTT file with one cue per sentence, and it records both, with the
// credit of the synthetic voice, in the pack's pack.toml.
//
// Usage:
//
//	go run ./cmd/narrate [flags] [PACK_DIR]    (default assets/pack)
//
// Every sentence is normalised for speech (speech.Normalize), synthesised
// on its own by espeak-ng, trimmed of the silence espeak-ng adds, and joined
// with fixed pauses, so each cue's start time is exact: a sum of sample
// counts. The chapter is then scaled to a fixed peak level and encoded with
// oggenc -q 0 (mono, 22 050 Hz) under a fixed stream serial number, so the
// same text and tools give the same bytes.
//
// Needs espeak-ng and oggenc (Debian: apt-get install espeak-ng
// vorbis-tools). `make narration` installs them when missing.
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"trienlam/audio/captions"
	"trienlam/internal/exhibit"
)

// Credit is the role of the synthetic voice in the pack's credits, and the
// artist tag of the recordings.
const Credit = "Giọng đọc tổng hợp (espeak-ng)"

// CreditName is the name given with Credit in pack.toml.
const CreditName = "Giọng đọc tiếng Việt tổng hợp bằng máy (espeak-ng), không phải người đọc"

// rate is the sample rate espeak-ng writes and the recordings use.
const rate = 22050

// Pauses, in milliseconds.
const (
	leadIn        = 300 // before the first sentence
	sentencePause = 350 // after a sentence inside a block
	blockPause    = 700 // after the last sentence of a paragraph or list item
	headingPause  = 900 // after a heading
	tailOut       = 700 // after the last sentence of the chapter
)

// options are the command-line settings.
type options struct {
	dir     string
	voice   string
	speed   int
	peakDB  float64
	dryRun  bool
	noToml  bool
	verbose bool
}

func main() {
	var o options
	flag.StringVar(&o.voice, "voice", "vi", "espeak-ng voice")
	flag.IntVar(&o.speed, "speed", 150, "espeak-ng speed in words (syllables) per minute")
	flag.Float64Var(&o.peakDB, "peak", -3, "peak level of each recording, dBFS")
	flag.BoolVar(&o.dryRun, "n", false, "dry run: print every sentence and its spoken form, make nothing")
	flag.BoolVar(&o.noToml, "no-toml", false, "do not edit pack.toml")
	flag.BoolVar(&o.verbose, "v", false, "print each sentence as it is synthesised")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "Usage: narrate [flags] [PACK_DIR]\n\nMakes audio/NN-<chapter>.ogg and .vtt for every chapter of the pack (default assets/pack)\nwith espeak-ng's Vietnamese voice, and records them in pack.toml.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	o.dir = "assets/pack"
	if flag.NArg() > 1 {
		flag.Usage()
		os.Exit(2)
	}
	if flag.NArg() == 1 {
		o.dir = flag.Arg(0)
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "narrate:", err)
		os.Exit(1)
	}
}

// sentence is one sentence of a chapter to speak, with the pause after it.
type sentence struct {
	captions.Sentence
	pause int // milliseconds of silence after it
}

// chapterSentences lists the sentences of a chapter (as the caption timer
// does: captions.ChapterSentences) with their pauses.
func chapterSentences(ch *exhibit.Chapter) []sentence {
	list := captions.ChapterSentences(ch)
	out := make([]sentence, len(list))
	for i, s := range list {
		out[i] = sentence{Sentence: s, pause: blockPause}
		switch {
		case !s.EndsBlock:
			out[i].pause = sentencePause
		case ch.Blocks[s.Block].Kind == exhibit.Heading:
			out[i].pause = headingPause
		}
	}
	if len(out) > 0 {
		out[len(out)-1].pause = tailOut
	}
	return out
}

func run(o options) error {
	pack, problems, err := exhibit.Load(os.DirFS(o.dir))
	if err != nil {
		return fmt.Errorf("loading %s: %w", o.dir, err)
	}
	for _, p := range problems {
		fmt.Fprintf(os.Stderr, "narrate: %s: %s\n", o.dir, p)
	}
	if o.dryRun {
		for i, ch := range pack.Chapters {
			fmt.Printf("== %02d %s\n", i+1, ch.ID)
			for _, s := range chapterSentences(ch) {
				fmt.Printf("%s\n  %s\n  → %s\n", s.ID(), s.Text, s.Spoken)
			}
		}
		return nil
	}
	for _, tool := range []string{"espeak-ng", "oggenc"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s is not installed (Debian/Ubuntu: sudo apt-get install espeak-ng vorbis-tools)", tool)
		}
	}
	tmp, err := os.MkdirTemp("", "narrate-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	var tracks []track
	var total time.Duration
	for i, ch := range pack.Chapters {
		base := fmt.Sprintf("audio/%02d-%s", i+1, ch.ID)
		d, err := narrateChapter(o, pack, ch, base, tmp)
		if err != nil {
			return fmt.Errorf("chapter %s: %w", ch.ID, err)
		}
		total += d
		tracks = append(tracks, track{id: ch.ID, narration: base + ".ogg", captions: base + ".vtt"})
	}
	fmt.Printf("narrate: %d chapters, %s of narration\n", len(tracks), total.Round(time.Second))
	if o.noToml {
		return nil
	}
	return updateManifest(filepath.Join(o.dir, exhibit.ManifestName), tracks)
}

// narrateChapter synthesises one chapter into dir/base.ogg and
// dir/base.vtt and returns the recording's length.
func narrateChapter(o options, pack *exhibit.Pack, ch *exhibit.Chapter, base, tmp string) (time.Duration, error) {
	sentences := chapterSentences(ch)
	if len(sentences) == 0 {
		return 0, errors.New("no text to narrate")
	}
	samples := silence(leadIn)
	cues := make([]captions.Cue, 0, len(sentences))
	for _, s := range sentences {
		if o.verbose {
			fmt.Printf("%s %s\n", s.ID(), s.Spoken)
		}
		voice, err := synthesise(o, s.Spoken, tmp)
		if err != nil {
			return 0, fmt.Errorf("block %d %q: %w", s.Block, s.Text, err)
		}
		if n := len(cues); n > 0 {
			cues[n-1].End = at(len(samples))
		}
		cues = append(cues, captions.Cue{
			ID:    s.ID(),
			Start: at(len(samples)),
			Text:  s.Text,
		})
		samples = append(samples, voice...)
		samples = append(samples, silence(s.pause)...)
	}
	cues[len(cues)-1].End = at(len(samples))
	normalise(samples, o.peakDB)

	wavPath := filepath.Join(tmp, "chapter.wav")
	if err := writeWAV(wavPath, samples); err != nil {
		return 0, err
	}
	oggPath := filepath.Join(o.dir, filepath.FromSlash(base+".ogg"))
	if err := os.MkdirAll(filepath.Dir(oggPath), 0o755); err != nil {
		return 0, err
	}
	title := ch.Title
	cmd := exec.Command("oggenc", "-Q", "-q", "0", "-s", "1",
		"-a", Credit, "-t", title, "-l", pack.Title, "-c", "LANGUAGE=vi",
		"-o", oggPath, wavPath)
	if out, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("oggenc: %v: %s", err, out)
	}

	var vtt bytes.Buffer
	note := fmt.Sprintf("%s. Chương %q của gói %q. Tạo bằng cmd/narrate (make narration); "+
		"mỗi cue là một câu, mã cue b<khối>:<đầu>-<cuối> là vị trí của câu trong chương.", Credit, ch.ID, pack.ID)
	if err := captions.Write(&vtt, cues, note); err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(o.dir, filepath.FromSlash(base+".vtt")), vtt.Bytes(), 0o644); err != nil {
		return 0, err
	}
	d := at(len(samples))
	fmt.Printf("narrate: %-32s %3d sentences  %s\n", base+".ogg", len(cues), d.Round(time.Second/10))
	return d, nil
}

// at is the time of sample n.
func at(n int) time.Duration {
	return time.Duration(int64(n) * int64(time.Second) / rate)
}

// silence returns ms milliseconds of silence.
func silence(ms int) []float64 {
	return make([]float64, ms*rate/1000)
}

// synthesise speaks text with espeak-ng and returns its samples in [-1, 1],
// with the silence before and after the speech trimmed to a few
// milliseconds.
func synthesise(o options, text, tmp string) ([]float64, error) {
	wav := filepath.Join(tmp, "sentence.wav")
	cmd := exec.Command("espeak-ng", "-v", o.voice, "-s", fmt.Sprint(o.speed), "-w", wav, "--stdin")
	cmd.Stdin = strings.NewReader(text)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("espeak-ng: %v: %s", err, out)
	}
	f, err := os.Open(wav)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	samples, sr, err := readWAV(f)
	if err != nil {
		return nil, fmt.Errorf("espeak-ng output: %w", err)
	}
	if sr != rate {
		return nil, fmt.Errorf("espeak-ng wrote %d Hz audio, expected %d Hz", sr, rate)
	}
	return trim(samples), nil
}

// trim drops the near-silence at both ends of speech, keeping 20 ms.
func trim(s []float64) []float64 {
	const threshold = 0.004 // about -48 dBFS
	const keep = 20 * rate / 1000
	a, b := 0, len(s)
	for a < b && math.Abs(s[a]) < threshold {
		a++
	}
	for b > a && math.Abs(s[b-1]) < threshold {
		b--
	}
	if a == b {
		return nil
	}
	a = max(0, a-keep)
	b = min(len(s), b+keep)
	return s[a:b]
}

// normalise scales s so that its peak is at peakDB dBFS.
func normalise(s []float64, peakDB float64) {
	peak := 0.0
	for _, v := range s {
		peak = max(peak, math.Abs(v))
	}
	if peak == 0 {
		return
	}
	g := math.Pow(10, peakDB/20) / peak
	for i := range s {
		s[i] *= g
	}
}

// readWAV reads a 16-bit PCM mono WAV file.
func readWAV(r io.Reader) (samples []float64, sampleRate int, err error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, 0, err
	}
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return nil, 0, errors.New("not a WAV file")
	}
	var channels, bits int
	for p := 12; p+8 <= len(b); {
		id := string(b[p : p+4])
		size := int(binary.LittleEndian.Uint32(b[p+4 : p+8]))
		body := b[p+8:]
		if size > len(body) || size < 0 {
			size = len(body) // espeak-ng may leave the size unset
		}
		body = body[:size]
		switch id {
		case "fmt ":
			if len(body) < 16 {
				return nil, 0, errors.New("short fmt chunk")
			}
			if f := binary.LittleEndian.Uint16(body[0:2]); f != 1 {
				return nil, 0, fmt.Errorf("WAV format %d is not PCM", f)
			}
			channels = int(binary.LittleEndian.Uint16(body[2:4]))
			sampleRate = int(binary.LittleEndian.Uint32(body[4:8]))
			bits = int(binary.LittleEndian.Uint16(body[14:16]))
		case "data":
			if channels != 1 || bits != 16 {
				return nil, 0, fmt.Errorf("want 16-bit mono, got %d-bit %d channels", bits, channels)
			}
			samples = make([]float64, len(body)/2)
			for i := range samples {
				samples[i] = float64(int16(binary.LittleEndian.Uint16(body[2*i:]))) / 32768
			}
			return samples, sampleRate, nil
		}
		p += 8 + size + size%2
	}
	return nil, 0, errors.New("no data chunk")
}

// writeWAV writes samples as a 16-bit mono WAV file at rate.
func writeWAV(name string, samples []float64) error {
	n := len(samples) * 2
	b := make([]byte, 44+n)
	le := binary.LittleEndian
	copy(b[0:], "RIFF")
	le.PutUint32(b[4:], uint32(36+n))
	copy(b[8:], "WAVEfmt ")
	le.PutUint32(b[16:], 16)
	le.PutUint16(b[20:], 1) // PCM
	le.PutUint16(b[22:], 1) // mono
	le.PutUint32(b[24:], rate)
	le.PutUint32(b[28:], rate*2)
	le.PutUint16(b[32:], 2)
	le.PutUint16(b[34:], 16)
	copy(b[36:], "data")
	le.PutUint32(b[40:], uint32(n))
	for i, v := range samples {
		x := math.Max(-32768, math.Min(32767, math.Round(v*32767)))
		le.PutUint16(b[44+2*i:], uint16(int16(x)))
	}
	return os.WriteFile(name, b, 0o644)
}

// track is the narration of one chapter, as recorded in pack.toml.
type track struct {
	id, narration, captions string
}
