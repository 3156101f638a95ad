package assets

import (
	"embed"
	"io/fs"
)

// packFiles holds the built-in exhibit pack, rooted at "pack".
//
//go:embed pack
var packFiles embed.FS

// Pack returns the built-in exhibit pack as a file system whose root holds
// pack.toml, ready for exhibit.Load.
func Pack() fs.FS {
	sub, err := fs.Sub(packFiles, "pack")
	if err != nil {
		// fs.Sub fails only for an invalid directory name, and "pack" is valid.
		panic(err)
	}
	return sub
}
