// Package photos reads the exhibit's photographs and illustrations: it
// checks a file's header without decoding it (Inspect), decodes and scales
// it to the size a screen needs with its EXIF orientation applied (Load),
// and keeps decoded images in a memory-bounded cache that decodes in the
// background (Cache).
//
// JPEG, PNG and WebP are read. The content decides the decoder, never the
// file name; a name that disagrees with the content is reported by
// CheckExtension as a warning. Images over MaxPixels are refused from their
// header, before any pixel memory is allocated, so a photo straight from a
// 100-megapixel camera or a deliberately crafted "decompression bomb"
// cannot exhaust the memory of the old PCs the exhibit runs on.
//
// The package knows nothing of Fyne.
package photos
