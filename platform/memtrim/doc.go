// Package memtrim gives memory back to the system when the exhibit has
// been still for a moment after a burst of work (page changes, a photo
// browse), so a hall PC that runs it all day holds what the exhibit
// uses, not what it once used.
//
// Two kinds of memory stay with a process after a burst. Go's heap grows
// to about twice what is live before the garbage collector runs, and its
// scavenger gives the free part back only slowly; the C heap (glibc
// malloc, used by the software OpenGL renderer for its textures) keeps
// freed blocks for reuse. After 2,000 page changes of scripts/bench/soak.sh
// they were about 80 MB of a 320 MB resident set.
package memtrim
