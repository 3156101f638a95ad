//go:build linux && cgo

package memtrim

/*
#include <malloc.h>

// glibc keeps freed blocks for reuse; malloc_trim hands the free pages
// of every arena back to the system. Other C libraries (musl) have no
// such call and keep little.
static int trienlam_malloc_trim(void) {
#ifdef __GLIBC__
	return malloc_trim(0);
#else
	return 0;
#endif
}
*/
import "C"

// trimC gives the C heap's free pages back to the system; it reports
// whether any were given.
func trimC() bool { return C.trienlam_malloc_trim() != 0 }
