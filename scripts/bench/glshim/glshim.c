/*
 * glshim — times each OpenGL draw call of a program's first frames, for
 * scripts/bench/firstframe.sh. Loaded with LD_PRELOAD; it writes one line
 * per draw call of the first GLSHIM_FRAMES frames (default 1) to the file
 * named by GLSHIM_LOG:
 *
 *     frame N           a frame begins (the program cleared the window)
 *     draw MS PROG W H  a glDrawArrays took MS milliseconds, with program
 *                       PROG in use and a W×H texture bound (0×0: none)
 *
 * Mesa's software renderer, llvmpipe, compiles machine code for each new
 * kind of draw inside the draw call that first needs it, so a slow draw
 * in a first start (no compiled shaders in the cache folder) is a compile.
 * The kind depends on the program and on state such as whether the bound
 * texture's sides are powers of two.
 *
 * Fyne (through go-gl) reaches OpenGL through glXGetProcAddress; this
 * library answers that call for the four functions it watches and passes
 * every other name through.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef unsigned int GLenum;
typedef unsigned int GLuint;
typedef unsigned int GLbitfield;
typedef int GLint;
typedef int GLsizei;
typedef void (*proc)(void);

static void (*real_clear)(GLbitfield);
static void (*real_draw)(GLenum, GLint, GLsizei);
static void (*real_use)(GLuint);
static void (*real_bind)(GLenum, GLuint);
static void (*real_tex)(GLenum, GLint, GLint, GLsizei, GLsizei, GLint, GLenum, GLenum, const void *);

enum { MAX_TEX = 1 << 16 };
static GLsizei tex_w[MAX_TEX], tex_h[MAX_TEX];
static GLuint program, texture;
static int frame, frames = -1;
static FILE *out;

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* logging reports whether this frame is still one to log, opening the log
 * on first use. */
static int logging(void)
{
	if (frames < 0) {
		const char *n = getenv("GLSHIM_FRAMES"), *name = getenv("GLSHIM_LOG");
		frames = n ? atoi(n) : 1;
		out = name ? fopen(name, "w") : NULL;
	}
	return out && frame >= 1 && frame <= frames;
}

static void my_clear(GLbitfield mask)
{
	frame++;
	if (logging())
		fprintf(out, "frame %d\n", frame);
	else if (out && frame == frames + 1)
		fflush(out);
	real_clear(mask);
}

static void my_draw(GLenum mode, GLint first, GLsizei count)
{
	double t0 = now_ms();
	real_draw(mode, first, count);
	if (logging()) {
		GLsizei w = texture < MAX_TEX ? tex_w[texture] : 0, h = texture < MAX_TEX ? tex_h[texture] : 0;
		fprintf(out, "draw %.2f %u %d %d\n", now_ms() - t0, program, w, h);
	}
}

static void my_use(GLuint p)
{
	program = p;
	real_use(p);
}

static void my_bind(GLenum target, GLuint t)
{
	texture = t;
	real_bind(target, t);
}

static void my_tex(GLenum target, GLint level, GLint ifmt, GLsizei w, GLsizei h, GLint border, GLenum fmt,
		   GLenum type, const void *pixels)
{
	if (texture < MAX_TEX && level == 0) {
		tex_w[texture] = w;
		tex_h[texture] = h;
	}
	real_tex(target, level, ifmt, w, h, border, fmt, type, pixels);
}

static proc watch(const char *name, proc p)
{
	if (!p)
		return p;
	if (!strcmp(name, "glClear"))
		return real_clear = (void *)p, (proc)my_clear;
	if (!strcmp(name, "glDrawArrays"))
		return real_draw = (void *)p, (proc)my_draw;
	if (!strcmp(name, "glUseProgram"))
		return real_use = (void *)p, (proc)my_use;
	if (!strcmp(name, "glBindTexture"))
		return real_bind = (void *)p, (proc)my_bind;
	if (!strcmp(name, "glTexImage2D"))
		return real_tex = (void *)p, (proc)my_tex;
	return p;
}

proc glXGetProcAddress(const unsigned char *name)
{
	static proc (*real)(const unsigned char *);
	if (!real)
		real = (proc(*)(const unsigned char *))dlsym(RTLD_NEXT, "glXGetProcAddress");
	return real ? watch((const char *)name, real(name)) : NULL;
}

proc glXGetProcAddressARB(const unsigned char *name)
{
	static proc (*real)(const unsigned char *);
	if (!real)
		real = (proc(*)(const unsigned char *))dlsym(RTLD_NEXT, "glXGetProcAddressARB");
	return real ? watch((const char *)name, real(name)) : NULL;
}
