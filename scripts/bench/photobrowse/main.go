// Command photobrowse measures the memory of browsing many large photos
// through photos.Cache, as the gallery and the photo viewer do: run by
// scripts/bench/photos.sh.
//
//	photobrowse -gen 30 -names 300 -dir D   writes 30 distinct 6000×4000 JPEGs
//	                                         into D and hard-links them under 300 names
//	                                         (-size 10000x8000: 80 MP photos instead)
//	photobrowse -dir D                       pages through every photo in D at
//	                                         1920×1080 with a 320 px thumbnail of each,
//	                                         and prints the peak RSS (VmHWM)
//
// Generation runs in its own process so that its memory does not count.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"trienlam/internal/photos"
	"trienlam/internal/photos/phototest"
)

func main() {
	dir := flag.String("dir", "", "folder of photos")
	gen := flag.Int("gen", 0, "generate this many distinct 24 MP JPEGs into -dir")
	names := flag.Int("names", 300, "with -gen: how many names to give them (hard links)")
	screenBudget := flag.Int64("screen-mb", 128, "screen-size cache budget, MB")
	thumbBudget := flag.Int64("thumb-mb", 32, "thumbnail cache budget, MB")
	size := flag.String("size", "6000x4000", "with -gen: the photos' size, WIDTHxHEIGHT")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "photobrowse: -dir is required")
		os.Exit(2)
	}
	var err error
	if *gen > 0 {
		var w, h int
		if _, err := fmt.Sscanf(*size, "%dx%d", &w, &h); err != nil || w <= 0 || h <= 0 {
			fmt.Fprintln(os.Stderr, "photobrowse: -size must be WIDTHxHEIGHT")
			os.Exit(2)
		}
		err = generate(*dir, *gen, *names, w, h)
	} else {
		err = browse(*dir, *screenBudget<<20, *thumbBudget<<20)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "photobrowse:", err)
		os.Exit(1)
	}
}

func generate(dir string, n, names, width, height int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		name := filepath.Join(dir, fmt.Sprintf("src-%02d.jpg", i))
		if _, err := os.Stat(name); err == nil {
			continue
		}
		f, err := os.Create(name + ".tmp")
		if err != nil {
			return err
		}
		w := bufio.NewWriter(f)
		if err := jpeg.Encode(w, phototest.Photo(width, height, uint32(i+1)), &jpeg.Options{Quality: 90}); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		if err := os.Rename(name+".tmp", name); err != nil {
			return err
		}
		fmt.Printf("generated %s\n", name)
	}
	for i := 0; i < names; i++ {
		link := filepath.Join(dir, fmt.Sprintf("photo-%03d.jpg", i))
		if _, err := os.Lstat(link); err == nil {
			continue
		}
		if err := os.Link(filepath.Join(dir, fmt.Sprintf("src-%02d.jpg", i%n)), link); err != nil {
			return err
		}
	}
	return nil
}

func browse(dir string, screenBudget, thumbBudget int64) error {
	all, err := filepath.Glob(filepath.Join(dir, "photo-*.jpg"))
	if err != nil {
		return err
	}
	sort.Strings(all)
	if len(all) == 0 {
		return fmt.Errorf("no photo-*.jpg in %s", dir)
	}
	fsys := os.DirFS(dir)
	screen := photos.NewCache(screenBudget)
	thumbs := photos.NewCache(thumbBudget)
	var thumbsDone sync.WaitGroup
	var worst time.Duration
	start := time.Now()
	for i, p := range all {
		name := filepath.Base(p)
		thumbsDone.Add(1)
		thumbs.Request(fsys, name, 320, 320, func(_ image.Image, err error) {
			defer thumbsDone.Done()
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
			}
		})
		t0 := time.Now()
		shown := make(chan error, 1)
		screen.Request(fsys, name, 1920, 1080, func(_ image.Image, err error) { shown <- err })
		if i+1 < len(all) { // the viewer prefetches the next photo
			screen.Request(fsys, filepath.Base(all[i+1]), 1920, 1080, func(image.Image, error) {})
		}
		if err := <-shown; err != nil {
			return err
		}
		worst = max(worst, time.Since(t0))
	}
	thumbsDone.Wait()
	elapsed := time.Since(start)
	hwm, rss := status("VmHWM"), status("VmRSS")
	mp := 0
	if info, err := photos.Inspect(fsys, filepath.Base(all[0])); err == nil {
		mp = int((info.Pixels() + 500_000) / 1_000_000)
	}
	fmt.Printf("browsed %d photos of %d MP at 1920×1080 (cache %d MB) with 320 px thumbnails (cache %d MB) in %.1f s (%.0f ms a photo, slowest page %.0f ms)\n",
		len(all), mp, screenBudget>>20, thumbBudget>>20, elapsed.Seconds(), float64(elapsed.Milliseconds())/float64(len(all)), float64(worst.Milliseconds()))
	fmt.Printf("peak RSS (VmHWM) %s, RSS now %s, caches hold %d + %d MB\n", hwm, rss, screen.Used()>>20, thumbs.Used()>>20)
	return nil
}

// status returns a field of /proc/self/status, such as "VmHWM".
func status(field string) string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, field+":"); ok {
			return strings.Join(strings.Fields(v), " ")
		}
	}
	return "unknown"
}
