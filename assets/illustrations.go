package assets

// The built-in pack's illustrations (pack/illustrations/*.png: the title
// plate, the schematic of the 1943 Nam tiến routes and the charts of the
// source's figures) are drawn by code; regenerate them after changing
// cmd/illustrate with `go generate ./assets`.
//go:generate go run ../cmd/illustrate -out pack/illustrations
