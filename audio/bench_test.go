//go:build linux

package audio

import (
	"io/fs"
	"os"
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the user+system CPU time of the process so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchTrack is the real narration of the built-in pack's first chapter when
// it is there (speech, OGG Vorbis mono 22.05 kHz), else the 10 s test tone.
func benchTrack(b *testing.B) (fs.FS, string) {
	const pack = "../assets/pack"
	if _, err := os.Stat(pack + "/audio/01-hoan-canh.ogg"); err == nil {
		return os.DirFS(pack), "audio/01-hoan-canh.ogg"
	}
	testdataFile(b, "tone10s.ogg")
	return os.DirFS("testdata"), "tone10s.ogg"
}

func speakerPlayer(b *testing.B, fsys fs.FS, path string, hook func()) *Player {
	out := SpeakerOutput()
	if !out.Available() {
		b.Fatalf("no speaker: %v", out.Err())
	}
	p := NewPlayer(out, SystemClock())
	p.firstSampleHook = hook
	done := make(chan error, 1)
	p.Load(fsys, path, "", func(err error) { done <- err })
	if err := <-done; err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkLoad: from Load to onReady (decoder set up, length known) for a
// narration chapter; the UI shows the chapter meanwhile.
func BenchmarkLoad(b *testing.B) {
	fsys, path := benchTrack(b)
	p := NewPlayer(&fakeOutput{}, SystemClock())
	done := make(chan error, 1)
	for b.Loop() {
		p.Load(fsys, path, "", func(err error) { done <- err })
		if err := <-done; err != nil {
			b.Fatal(err)
		}
	}
	p.Close()
}

// BenchmarkPlayToFirstSample: from Play (paused in the middle of a track) to
// the first sample of the track handed to the speaker (ALSA null device).
func BenchmarkPlayToFirstSample(b *testing.B) {
	fsys, path := benchTrack(b)
	first := make(chan struct{}, 1)
	p := speakerPlayer(b, fsys, path, func() {
		select {
		case first <- struct{}{}:
		default:
		}
	})
	defer p.Close()
	half := p.Duration() / 2
	var total time.Duration
	for b.Loop() {
		p.Seek(half)
		start := time.Now()
		p.Play()
		<-first
		total += time.Since(start)
		p.Pause()
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N), "µs/first-sample")
}

// BenchmarkPlaybackCPU plays (the last minute of) a track through the speaker on the ALSA
// null device, which takes samples as fast as they come, and reports the CPU
// time spent per second of audio — decoding, resampling to 44.1 kHz, mixing,
// converting for ALSA — as the percentage of a core that real-time playback
// costs (the wake-ups of a real device add a little).
func BenchmarkPlaybackCPU(b *testing.B) {
	fsys, path := benchTrack(b)
	p := speakerPlayer(b, fsys, path, nil)
	defer p.Close()
	var cpu, audio, wall time.Duration
	from := max(0, p.Duration()-60*time.Second) // the last minute at most
	for b.Loop() {
		p.Stop()
		p.Seek(from)
		c0, w0 := cpuTime(b), time.Now()
		p.Play()
		for p.State() == Playing {
			time.Sleep(5 * time.Millisecond)
			p.Tick()
		}
		if p.State() != Ended {
			b.Fatalf("state %s: %v", p.State(), p.Err())
		}
		cpu += cpuTime(b) - c0
		wall += time.Since(w0)
		audio += p.Duration() - from
	}
	b.ReportMetric(100*cpu.Seconds()/audio.Seconds(), "%core-at-realtime")
	b.ReportMetric(audio.Seconds()/wall.Seconds(), "x-realtime")
}

// BenchmarkSilentPlaybackCPU plays 3 s in silent mode in real time (the clock
// paces it) with a UI ticker at 10 Hz, and reports the CPU used as a
// percentage of a core.
func BenchmarkSilentPlaybackCPU(b *testing.B) {
	fsys, path := benchTrack(b)
	p := NewPlayer(SilentOutput(nil), nil)
	done := make(chan error, 1)
	p.Load(fsys, path, "", func(err error) { done <- err })
	if err := <-done; err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	var cpu, wall time.Duration
	for b.Loop() {
		c0, w0 := cpuTime(b), time.Now()
		p.Play()
		for range 30 {
			time.Sleep(100 * time.Millisecond)
			p.Tick()
		}
		p.Pause()
		cpu += cpuTime(b) - c0
		wall += time.Since(w0)
	}
	b.ReportMetric(100*cpu.Seconds()/wall.Seconds(), "%core")
}

// BenchmarkIdleCPU: after Pause (speaker suspended, no ticker) the process
// should use next to no CPU. It measures 2 s of idling.
func BenchmarkIdleCPU(b *testing.B) {
	fsys, path := benchTrack(b)
	p := speakerPlayer(b, fsys, path, nil)
	defer p.Close()
	var cpu, wall time.Duration
	for b.Loop() {
		p.Play()
		time.Sleep(20 * time.Millisecond)
		p.Tick()
		p.Pause()
		c0, w0 := cpuTime(b), time.Now()
		time.Sleep(2 * time.Second)
		cpu += cpuTime(b) - c0
		wall += time.Since(w0)
	}
	b.ReportMetric(100*cpu.Seconds()/wall.Seconds(), "%core")
}
