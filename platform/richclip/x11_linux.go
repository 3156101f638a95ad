//go:build cgo

package richclip

/*
#cgo LDFLAGS: -ldl
#include <dlfcn.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <X11/Xlib.h>
#include <X11/Xatom.h>

// libX11 is opened at run time, not linked, as platform/nosleep does:
// without an X server (Wayland, a console) there is simply no HTML.

static void *x11;

typedef Display *(*open_fn)(const char *);
typedef int (*close_fn)(Display *);
typedef Atom (*intern_fn)(Display *, const char *, Bool);
typedef Window (*owner_fn)(Display *, Atom);
typedef Window (*create_fn)(Display *, Window, int, int, unsigned, unsigned, unsigned, unsigned long, unsigned long);
typedef int (*destroy_fn)(Display *, Window);
typedef int (*select_fn)(Display *, Window, long);
typedef int (*convert_fn)(Display *, Atom, Atom, Atom, Window, Time);
typedef int (*flush_fn)(Display *);
typedef Bool (*check_fn)(Display *, Window, int, XEvent *);
typedef int (*getprop_fn)(Display *, Window, Atom, long, long, Bool, Atom, Atom *, int *, unsigned long *, unsigned long *, unsigned char **);
typedef int (*delprop_fn)(Display *, Window, Atom);
typedef int (*free_fn)(void *);
typedef int (*pending_fn)(Display *);

static struct {
	open_fn open; close_fn close; intern_fn intern; owner_fn owner;
	create_fn create; destroy_fn destroy; select_fn select; convert_fn convert;
	flush_fn flush; check_fn check; getprop_fn getprop; delprop_fn delprop;
	free_fn xfree; pending_fn pending;
} X;

static int richclip_load(void) {
	if (X.open) return 1;
	if (!x11) x11 = dlopen("libX11.so.6", RTLD_LAZY | RTLD_LOCAL);
	if (!x11) return 0;
	X.close = (close_fn)dlsym(x11, "XCloseDisplay");
	X.intern = (intern_fn)dlsym(x11, "XInternAtom");
	X.owner = (owner_fn)dlsym(x11, "XGetSelectionOwner");
	X.create = (create_fn)dlsym(x11, "XCreateSimpleWindow");
	X.destroy = (destroy_fn)dlsym(x11, "XDestroyWindow");
	X.select = (select_fn)dlsym(x11, "XSelectInput");
	X.convert = (convert_fn)dlsym(x11, "XConvertSelection");
	X.flush = (flush_fn)dlsym(x11, "XFlush");
	X.check = (check_fn)dlsym(x11, "XCheckTypedWindowEvent");
	X.getprop = (getprop_fn)dlsym(x11, "XGetWindowProperty");
	X.delprop = (delprop_fn)dlsym(x11, "XDeleteProperty");
	X.xfree = (free_fn)dlsym(x11, "XFree");
	X.pending = (pending_fn)dlsym(x11, "XPending");
	if (!X.close || !X.intern || !X.owner || !X.create || !X.destroy || !X.select ||
	    !X.convert || !X.flush || !X.check || !X.getprop || !X.delprop || !X.xfree || !X.pending)
		return 0;
	X.open = (open_fn)dlsym(x11, "XOpenDisplay");
	return X.open != NULL;
}

static long now_ms(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

// wait_event waits until an event of the type for win arrives, or the
// deadline passes. Returns 1 with *ev filled, 0 on timeout.
static int wait_event(Display *dpy, Window win, int type, XEvent *ev, long deadline) {
	for (;;) {
		if (X.check(dpy, win, type, ev)) return 1;
		long left = deadline - now_ms();
		if (left <= 0) return 0;
		struct pollfd p = { ConnectionNumber(dpy), POLLIN, 0 };
		poll(&p, 1, (int)left);
		X.pending(dpy); // reads what arrived into the queue
	}
}

// read_prop reads and deletes the property, appending its bytes to
// *buf. Returns 1 with *type set, -3 when the total passes cap, 0 when the
// property holds no 8-bit data.
static int read_prop(Display *dpy, Window win, Atom prop, Atom *type,
		unsigned char **buf, size_t *len, size_t cap) {
	int format;
	unsigned long n, after;
	unsigned char *data = NULL;
	if (X.getprop(dpy, win, prop, 0, (long)(cap / 4 + 1), True, AnyPropertyType,
			type, &format, &n, &after, &data) != Success)
		return 0;
	int rc = 1;
	if (after > 0) {
		rc = -3;
	} else if (data && n > 0 && format == 8) {
		if (*len + n > cap) {
			rc = -3;
		} else {
			unsigned char *grown = realloc(*buf, *len + n + 1);
			if (!grown) {
				rc = -3;
			} else {
				memcpy(grown + *len, data, n);
				*len += n;
				grown[*len] = 0;
				*buf = grown;
			}
		}
	} else if (data && n > 0) {
		rc = 0; // 16- or 32-bit items: not text
	}
	if (data) X.xfree(data);
	return rc;
}

// has_target asks the owner which targets it offers (TARGETS) and looks
// for want among them: some owners answer any target with their plain
// text, so a reply to text/html alone proves nothing. Returns 1 when
// offered, 0 when not, -4 on timeout.
static int has_target(Display *dpy, Window win, Atom selection, Atom want, Atom prop, int timeout_ms) {
	Atom targets = X.intern(dpy, "TARGETS", False);
	X.convert(dpy, selection, targets, prop, win, CurrentTime);
	X.flush(dpy);
	XEvent ev;
	if (!wait_event(dpy, win, SelectionNotify, &ev, now_ms() + timeout_ms)) return -4;
	if (ev.xselection.property == None) return 0;
	Atom type;
	int format;
	unsigned long n, after;
	unsigned char *data = NULL;
	int found = 0;
	if (X.getprop(dpy, win, prop, 0, 1024, True, AnyPropertyType,
			&type, &format, &n, &after, &data) == Success && data) {
		// Format 32 items come as longs, whatever the platform.
		if (format == 32) {
			Atom *a = (Atom *)data;
			for (unsigned long i = 0; i < n; i++)
				if (a[i] == want) found = 1;
		}
		X.xfree(data);
	}
	return found;
}

// richclip_x11 asks the CLIPBOARD's owner for text/html. Returns 0 with
// *out (malloc'd, free it) and *outlen, 1 when the clipboard has no HTML,
// -1 without libX11, -2 without an X server, -3 when the HTML is larger
// than cap, -4 when the owner did not answer in time.
static int richclip_x11(int timeout_ms, size_t cap, unsigned char **out, size_t *outlen) {
	*out = NULL;
	*outlen = 0;
	if (!richclip_load()) return -1;
	Display *dpy = X.open(NULL);
	if (!dpy) return -2;
	Atom clipboard = X.intern(dpy, "CLIPBOARD", False);
	Atom html = X.intern(dpy, "text/html", False);
	Atom prop = X.intern(dpy, "TRIENLAM_RICHCLIP", False);
	Atom incr = X.intern(dpy, "INCR", False);
	if (X.owner(dpy, clipboard) == None) {
		X.close(dpy);
		return 1;
	}
	Window win = X.create(dpy, DefaultRootWindow(dpy), 0, 0, 1, 1, 0, 0, 0);
	X.select(dpy, win, PropertyChangeMask);
	XEvent ev;
	int rc = has_target(dpy, win, clipboard, html, prop, timeout_ms);
	if (rc != 1) {
		rc = rc == 0 ? 1 : rc;
		X.destroy(dpy, win);
		X.close(dpy);
		return rc;
	}
	X.convert(dpy, clipboard, html, prop, win, CurrentTime);
	X.flush(dpy);
	if (!wait_event(dpy, win, SelectionNotify, &ev, now_ms() + timeout_ms)) {
		rc = -4;
	} else if (ev.xselection.property == None) {
		rc = 1;
	} else {
		Atom type = None;
		rc = read_prop(dpy, win, prop, &type, out, outlen, cap);
		if (rc >= 0 && type == incr) {
			// An INCR transfer: deleting the property (done) asks for the
			// first chunk; each chunk is a new value, an empty one ends it.
			free(*out);
			*out = NULL;
			*outlen = 0;
			X.flush(dpy);
			rc = -4;
			for (;;) {
				if (!wait_event(dpy, win, PropertyNotify, &ev, now_ms() + timeout_ms)) break;
				if (ev.xproperty.atom != prop || ev.xproperty.state != PropertyNewValue) continue;
				size_t before = *outlen;
				int r = read_prop(dpy, win, prop, &type, out, outlen, cap);
				X.flush(dpy);
				// The event of the INCR value itself, deleted since: the
				// property is gone. (The last chunk is an empty value.)
				if (type == None) continue;
				if (r != 1) { rc = r == 0 ? 1 : r; break; }
				if (*outlen == before) { rc = 0; break; }
			}
		} else if (rc == 1) {
			rc = *outlen > 0 ? 0 : 1;
		} else if (rc == 0) {
			rc = 1;
		}
	}
	if (rc != 0) {
		free(*out);
		*out = NULL;
		*outlen = 0;
	}
	X.destroy(dpy, win);
	X.close(dpy);
	return rc;
}
*/
import "C"

import (
	"log"
	"unsafe"
)

// timeoutMs is how long the clipboard's owner has to answer (and, in a
// large INCR transfer, to send each chunk): a program that holds the
// clipboard but hangs must not hold up the paste for long; the plain
// text is pasted instead.
const timeoutMs = 300

// read asks the X server's CLIPBOARD owner for its text/html.
func read() ([]byte, bool) {
	var out *C.uchar
	var n C.size_t
	rc := C.richclip_x11(timeoutMs, MaxBytes, &out, &n)
	switch rc {
	case 0:
		defer C.free(unsafe.Pointer(out))
		return C.GoBytes(unsafe.Pointer(out), C.int(n)), true
	case -3:
		log.Printf("richclip: the clipboard's HTML is larger than %d MiB; pasting its plain text", MaxBytes>>20)
	case -4:
		log.Printf("richclip: the program holding the clipboard did not send its HTML in %d ms; pasting its plain text", timeoutMs)
	}
	return nil, false
}
