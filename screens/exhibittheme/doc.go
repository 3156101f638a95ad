// Package exhibittheme is the look of the exhibit: a commemorative palette
// of deep red and gold on warm paper (light) or near-black (dark), and text
// size steps from a desk monitor to a projector seen from the back of a hall.
package exhibittheme
