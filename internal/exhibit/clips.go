package exhibit

import (
	"image"
	"io/fs"
	"path"
	"strings"
)

// VideoExts are the video clip file extensions accepted, lower case. The
// media helper (mpv) plays them, and many more; these are what cameras,
// phones and video sites give.
var VideoExts = []string{".mp4", ".webm", ".mkv", ".avi", ".mov", ".m4v"}

// SubtitleExts are the subtitle file extensions accepted for clips.
var SubtitleExts = []string{".vtt", ".srt"}

// IsVideoFile reports whether a path names a video clip, judging by its
// extension (VideoExts).
func IsVideoFile(p string) bool {
	return hasExt(p, VideoExts)
}

func hasExt(p string, exts []string) bool {
	ext := strings.ToLower(path.Ext(p))
	for _, e := range exts {
		if ext == e {
			return true
		}
	}
	return false
}

// clip validates one [[clips]] entry and adds it when usable: its video
// exists and has a known extension. A broken poster or subtitles file is
// reported and left out; the clip stays.
func (l *loader) clip(t table) {
	t.checkKeys("id", "file", "poster", "caption", "credit", "subtitles")
	c := &Clip{ID: t.requiredStr("id"), Caption: t.str("caption"), Credit: t.str("credit")}
	if c.ID == "" {
		return
	}
	if !claimEntryID(t, l.declaredClips, c.ID, detail{Kind: "duplicate-clip-id", Args: kv{"id": c.ID}}) {
		return
	}
	name := l.typedFile(t, "file", t.requiredStr("file"), VideoExts, "clip-format")
	if name == "" {
		return
	}
	c.File = name
	if poster := t.str("poster"); poster != "" {
		c.Poster = l.poster(t, poster)
	}
	if subs := t.str("subtitles"); subs != "" {
		c.Subtitles = l.subtitles(t, subs)
	} else {
		c.Subtitles = l.subtitlesBeside(name)
	}
	l.pack.Clips = append(l.pack.Clips, c)
}

// poster checks a clip's poster picture; "" when it cannot be shown.
func (l *loader) poster(t table, file string) string {
	return l.imageRef(t, "poster", file, func(name string, err error) detail {
		return detail{Kind: "poster-not-image", Args: kv{"file": name, "error": err.Error()}}
	})
}

// imageRef checks a picture named by field key of t: a path inside the
// pack to a JPEG, PNG or WebP image. It returns the clean path, or "" after
// reporting a problem (notImage's when the file is not a picture).
func (l *loader) imageRef(t table, key, file string, notImage func(name string, err error) detail) string {
	name, f, ok := l.open(t, key, file)
	if !ok {
		return ""
	}
	defer f.Close()
	if _, _, err := image.DecodeConfig(f); err != nil {
		t.doc.problem(t.field(key), notImage(name, err))
		return ""
	}
	return name
}

// subtitles checks a subtitles path named in pack.toml; "" when unusable.
func (l *loader) subtitles(t table, file string) string {
	return l.typedFile(t, "subtitles", file, SubtitleExts, "subtitles-format")
}

// subtitlesBeside returns the subtitles file named like the video beside
// it (clip.vtt, then clip.srt), or "".
func (l *loader) subtitlesBeside(video string) string {
	base := strings.TrimSuffix(video, path.Ext(video))
	for _, ext := range SubtitleExts {
		for _, e := range []string{ext, strings.ToUpper(ext)} {
			if st, err := fs.Stat(l.fsys, base+e); err == nil && !st.IsDir() {
				return base + e
			}
		}
	}
	return ""
}

// clipRefs checks a chapter's list of clip IDs and returns the usable ones.
func (l *loader) clipRefs(src table) []string {
	var ids []string
	for _, id := range src.strList("clips") {
		switch {
		case l.pack.Clip(id) != nil:
			ids = append(ids, id)
		case l.declaredClips[id]:
			src.doc.problem(src.field("clips"), detail{Kind: "clip-unusable", Args: kv{"id": id}})
		default:
			src.doc.problem(src.field("clips"), detail{Kind: "unknown-clip", Args: kv{"id": id}})
		}
	}
	return ids
}
