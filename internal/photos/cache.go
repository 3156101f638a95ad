package photos

import (
	"container/list"
	"image"
	"io/fs"
	"reflect"
	"sync"
)

// Decoders is how many images are decoded at once, by all caches
// together (a gallery's thumbnail cache and a viewer's screen-size cache
// share the limit). Decoding a 24-megapixel JPEG needs about 36–72 MB for
// the full-size pixels while it runs; two at a time keeps browsing smooth
// on a two-core PC without letting memory climb.
const Decoders = 2

// decodeSlots is the process-wide limit of Decoders.
var decodeSlots = make(chan struct{}, Decoders)

// QueueLimit is how many different images may wait to be decoded. When a
// new request would exceed it, the oldest waiting request is dropped and
// its done function gets ErrDropped.
const QueueLimit = 32

// Cache holds decoded, scaled images within a memory budget (bytes of
// pixels), least recently used out first; safe for concurrent use.
//
// Waiting requests are served newest first: when a visitor pages quickly
// through photos, the one on screen now is decoded before the ones they
// have already passed.
//
// Memory: the budget counts the cached pixels; each running decode adds
// the photo's full size (36 MB for a 24 MP JPEG) until it is scaled. With
// Go's default GC the heap may grow to about twice what is live, so a
// program holding large caches should set a soft memory limit
// (debug.SetMemoryLimit, or GOMEMLIMIT). Measured with bench/photos.sh,
// browsing 300 photos of 24 MP with a 128 MB screen cache and a 32 MB
// thumbnail cache: peak RSS 551 MB by default, 324 MB with a 300 MiB limit.
type Cache struct {
	budget int64

	mu      sync.Mutex
	used    int64
	lru     *list.List // of *entry, most recently used at the front
	entries map[key]*list.Element
	waiting map[key]*job // queued or being decoded
	queue   []*job       // queued, oldest first; workers take from the end
	running int
	gen     int // bumped by Forget: results of older decodes are not kept
}

// key identifies one scaled image.
type key struct {
	fsys any // fsys itself when comparable, else its identity
	path string
	w, h int
}

// entry is one cached image.
type entry struct {
	k    key
	img  image.Image
	size int64
}

// job is a decode asked for, with everyone waiting for it.
type job struct {
	k     key
	fsys  fs.FS
	dones []func(image.Image, error)
}

// NewCache returns an empty cache that keeps at most budget bytes of
// pixels (4 bytes a pixel: a 1920×1080 image is about 8 MB).
func NewCache(budget int64) *Cache {
	return &Cache{
		budget:  budget,
		lru:     list.New(),
		entries: map[key]*list.Element{},
		waiting: map[key]*job{},
	}
}

// keyOf builds the cache key. File systems of uncomparable types (such as
// fstest.MapFS, a map) are told apart by their identity.
func keyOf(fsys fs.FS, path string, w, h int) key {
	var id any
	if fsys != nil {
		t := reflect.TypeOf(fsys)
		switch {
		case t.Comparable():
			id = fsys
		case t.Kind() == reflect.Map || t.Kind() == reflect.Slice || t.Kind() == reflect.Func:
			id = [2]any{t, reflect.ValueOf(fsys).Pointer()}
		default:
			id = t
		}
	}
	return key{fsys: id, path: path, w: w, h: h}
}

// Get returns a cached image of path scaled to fit w×h, if present.
func (c *Cache) Get(fsys fs.FS, path string, w, h int) (image.Image, bool) {
	k := keyOf(fsys, path, w, h)
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[k]; ok {
		c.lru.MoveToFront(el)
		return el.Value.(*entry).img, true
	}
	return nil, false
}

// Request decodes path in the background (at most Decoders decodes at a
// time, at most QueueLimit waiting; newer requests for the same key are
// merged) and calls done from that goroutine with the image or error; the
// caller marshals to the UI (fyne.Do). done is never called before Request
// returns, not even when the image is already cached. An image bigger than
// the whole budget is delivered but not kept.
func (c *Cache) Request(fsys fs.FS, path string, w, h int, done func(image.Image, error)) {
	k := keyOf(fsys, path, w, h)
	c.mu.Lock()
	if el, ok := c.entries[k]; ok {
		c.lru.MoveToFront(el)
		img := el.Value.(*entry).img
		c.mu.Unlock()
		go done(img, nil)
		return
	}
	if j, ok := c.waiting[k]; ok {
		j.dones = append(j.dones, done)
		// A repeated request makes a queued job the newest again.
		for i, q := range c.queue {
			if q == j {
				c.queue = append(append(c.queue[:i:i], c.queue[i+1:]...), j)
				break
			}
		}
		c.mu.Unlock()
		return
	}
	j := &job{k: k, fsys: fsys, dones: []func(image.Image, error){done}}
	c.waiting[k] = j
	c.queue = append(c.queue, j)
	var dropped *job
	if len(c.queue) > QueueLimit {
		dropped = c.queue[0]
		c.queue = c.queue[1:]
		delete(c.waiting, dropped.k)
	}
	if c.running < Decoders {
		c.running++
		go c.work()
	}
	c.mu.Unlock()
	if dropped != nil {
		for _, d := range dropped.dones {
			go d(nil, ErrDropped)
		}
	}
}

// work decodes queued jobs, newest first, until none is left.
func (c *Cache) work() {
	c.mu.Lock()
	for len(c.queue) > 0 {
		j := c.queue[len(c.queue)-1]
		c.queue = c.queue[:len(c.queue)-1]
		gen := c.gen
		c.mu.Unlock()

		decodeSlots <- struct{}{}
		img, err := Load(j.fsys, j.k.path, j.k.w, j.k.h)
		<-decodeSlots

		c.mu.Lock()
		delete(c.waiting, j.k)
		if err == nil && gen == c.gen {
			c.add(j.k, img)
		}
		dones := j.dones
		c.mu.Unlock()
		for _, d := range dones {
			d(img, err)
		}
		c.mu.Lock()
	}
	c.running--
	c.mu.Unlock()
}

// add stores img, evicting the least recently used images until the
// budget holds. Called with c.mu held.
func (c *Cache) add(k key, img image.Image) {
	size := imageBytes(img)
	if size > c.budget {
		return
	}
	if el, ok := c.entries[k]; ok {
		c.used -= el.Value.(*entry).size
		c.lru.Remove(el)
	}
	for c.used+size > c.budget && c.lru.Len() > 0 {
		old := c.lru.Back()
		e := old.Value.(*entry)
		c.lru.Remove(old)
		delete(c.entries, e.k)
		c.used -= e.size
	}
	c.entries[k] = c.lru.PushFront(&entry{k: k, img: img, size: size})
	c.used += size
}

// Used returns the bytes of pixels the cache holds now.
func (c *Cache) Used() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used
}

// Forget drops everything (when a pack is closed). Requests still waiting
// are dropped (their done functions get ErrDropped); decodes already
// running finish and are delivered but not kept.
func (c *Cache) Forget() {
	c.mu.Lock()
	c.gen++
	c.lru.Init()
	c.entries = map[key]*list.Element{}
	c.used = 0
	queued := c.queue
	c.queue = nil
	for _, j := range queued {
		delete(c.waiting, j.k)
	}
	c.mu.Unlock()
	for _, j := range queued {
		for _, d := range j.dones {
			go d(nil, ErrDropped)
		}
	}
}

// imageBytes estimates the memory an image's pixels take.
func imageBytes(img image.Image) int64 {
	switch m := img.(type) {
	case *image.RGBA:
		return int64(len(m.Pix))
	case *image.NRGBA:
		return int64(len(m.Pix))
	case *image.YCbCr:
		return int64(len(m.Y) + len(m.Cb) + len(m.Cr))
	case *image.Gray:
		return int64(len(m.Pix))
	}
	b := img.Bounds()
	return int64(b.Dx()) * int64(b.Dy()) * 4
}
