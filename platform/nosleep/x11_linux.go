//go:build cgo

package nosleep

/*
#cgo LDFLAGS: -ldl
#include <dlfcn.h>
#include <stdlib.h>

// libX11 and libXext are opened at run time, not linked: without an X
// server (Wayland, a console) there is simply nothing to do.

typedef void *(*open_display_fn)(const char *);
typedef int (*close_display_fn)(void *);
typedef int (*get_ss_fn)(void *, int *, int *, int *, int *);
typedef int (*set_ss_fn)(void *, int, int, int, int);
typedef int (*flush_fn)(void *);
typedef int (*dpms_capable_fn)(void *);
typedef int (*dpms_query_fn)(void *, int *, int *);
typedef int (*dpms_info_fn)(void *, unsigned short *, unsigned char *);
typedef int (*dpms_onoff_fn)(void *);

static void *x11, *xext;

static int nosleep_load(void) {
	if (!x11) x11 = dlopen("libX11.so.6", RTLD_LAZY | RTLD_LOCAL);
	if (!xext) xext = dlopen("libXext.so.6", RTLD_LAZY | RTLD_LOCAL);
	return x11 != NULL;
}

// state: timeout, interval, prefer blanking, allow exposures, DPMS
// capable, DPMS enabled.
typedef struct { int timeout, interval, prefer, allow, dpms, dpmsOn; } nosleep_state;

// nosleep_x11 reads the screen saver and DPMS state into old and, when
// set is non-zero, applies want (timeout and DPMS). Returns 0 on
// success, -1 without libX11, -2 without a display.
static int nosleep_x11(nosleep_state *old, int set, const nosleep_state *want) {
	if (!nosleep_load()) return -1;
	open_display_fn xopen = (open_display_fn)dlsym(x11, "XOpenDisplay");
	close_display_fn xclose = (close_display_fn)dlsym(x11, "XCloseDisplay");
	get_ss_fn getss = (get_ss_fn)dlsym(x11, "XGetScreenSaver");
	set_ss_fn setss = (set_ss_fn)dlsym(x11, "XSetScreenSaver");
	flush_fn flush = (flush_fn)dlsym(x11, "XFlush");
	if (!xopen || !xclose || !getss || !setss || !flush) return -1;
	void *dpy = xopen(NULL);
	if (!dpy) return -2;
	getss(dpy, &old->timeout, &old->interval, &old->prefer, &old->allow);
	old->dpms = 0;
	old->dpmsOn = 0;
	// DPMSQueryExtension first: DPMSCapable prints a warning on a server
	// without the extension (Xvfb).
	dpms_query_fn query = xext ? (dpms_query_fn)dlsym(xext, "DPMSQueryExtension") : NULL;
	dpms_capable_fn capable = xext ? (dpms_capable_fn)dlsym(xext, "DPMSCapable") : NULL;
	int evb, errb;
	dpms_info_fn info = xext ? (dpms_info_fn)dlsym(xext, "DPMSInfo") : NULL;
	dpms_onoff_fn enable = xext ? (dpms_onoff_fn)dlsym(xext, "DPMSEnable") : NULL;
	dpms_onoff_fn disable = xext ? (dpms_onoff_fn)dlsym(xext, "DPMSDisable") : NULL;
	if (query && capable && info && enable && disable && query(dpy, &evb, &errb) && capable(dpy)) {
		unsigned short level;
		unsigned char on;
		old->dpms = 1;
		if (info(dpy, &level, &on)) old->dpmsOn = on ? 1 : 0;
	}
	if (set) {
		setss(dpy, want->timeout, want->interval, want->prefer, want->allow);
		if (old->dpms) {
			if (want->dpmsOn) enable(dpy); else disable(dpy);
		}
		flush(dpy);
	}
	xclose(dpy);
	return 0;
}
*/
import "C"

import "log"

// xState is the X server's screen saver and DPMS settings.
type xState struct {
	timeout, interval, prefer, allow int
	dpms, dpmsOn                     bool
}

// xGet reads the X server's settings; ok is false without an X server.
func xGet() (s xState, ok bool) {
	var old C.nosleep_state
	if C.nosleep_x11(&old, 0, nil) != 0 {
		return xState{}, false
	}
	return fromC(old), true
}

// xSet applies s and returns the settings it replaced.
func xSet(s xState) (old xState, ok bool) {
	want := C.nosleep_state{timeout: C.int(s.timeout), interval: C.int(s.interval),
		prefer: C.int(s.prefer), allow: C.int(s.allow), dpmsOn: cBool(s.dpmsOn)}
	var prev C.nosleep_state
	if C.nosleep_x11(&prev, 1, &want) != 0 {
		return xState{}, false
	}
	return fromC(prev), true
}

func fromC(c C.nosleep_state) xState {
	return xState{timeout: int(c.timeout), interval: int(c.interval), prefer: int(c.prefer),
		allow: int(c.allow), dpms: c.dpms != 0, dpmsOn: c.dpmsOn != 0}
}

func cBool(b bool) C.int {
	if b {
		return 1
	}
	return 0
}

// x11Inhibit turns the X server's screen saver (timeout 0) and DPMS off,
// as "xset s off -dpms" does, and returns what puts them back as they were.
// These are server settings: they outlive the connection, so the exhibit
// restores them when it no longer needs the screen.
func x11Inhibit() func() {
	cur, ok := xGet()
	if !ok {
		return func() {} // no X server: Wayland or a console
	}
	off := cur
	off.timeout, off.dpmsOn = 0, false
	old, ok := xSet(off)
	if !ok {
		log.Printf("nosleep: the X server's screen saver could not be turned off")
		return func() {}
	}
	return func() {
		if _, ok := xSet(old); !ok {
			log.Printf("nosleep: the X server's screen saver settings could not be restored")
		}
	}
}
