package glcheck

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/go-gl/glfw/v3.4/glfw"
)

func init() {
	// GLFW wants the main thread; TestMain's helper mode runs Check there.
	runtime.LockOSThread()
}

// TestMain doubles as a helper process: with GLCHECK_HELPER=1 it runs
// Check on the main thread, prints "ok" or the error and exits.
func TestMain(m *testing.M) {
	if h := os.Getenv("GLCHECK_HELPER"); h != "" {
		if err := Check(); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		if h == "reuse" {
			// What Fyne does next: initialise GLFW (a no-op when Check
			// kept it) and make its window. go-gl/glfw panics when GLFW
			// is not initialised, so this fails if Check closed it.
			defer func() {
				if r := recover(); r != nil {
					fmt.Println("error: GLFW was not left initialised:", r)
					os.Exit(1)
				}
			}()
			glfw.WindowHint(glfw.Visible, glfw.False)
			w, err := glfw.CreateWindow(64, 64, "after check", nil, nil)
			if err != nil {
				fmt.Println("error:", err)
				os.Exit(1)
			}
			w.Destroy()
			if err := glfw.Init(); err != nil {
				fmt.Println("error:", err)
				os.Exit(1)
			}
			glfw.Terminate()
		}
		fmt.Println("ok")
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestMessageIsVietnameseAndSaysWhatToDo(t *testing.T) {
	gl := Message(&Error{Kind: NoOpenGL, Detail: "WGL: the driver does not appear to support OpenGL"})
	for _, want := range []string{"trình điều khiển đồ hoạ", "OpenGL 2.1", "Cách khắc phục", "cập nhật",
		"WGL: the driver does not appear to support OpenGL"} {
		if !strings.Contains(gl, want) {
			t.Errorf("no-OpenGL message lacks %q:\n%s", want, gl)
		}
	}
	nd := Message(&Error{Kind: NoDisplay, Detail: "X11: Failed to open display"})
	for _, want := range []string{"không tìm thấy màn hình", "Cách khắc phục", "X11: Failed to open display"} {
		if !strings.Contains(nd, want) {
			t.Errorf("no-display message lacks %q:\n%s", want, nd)
		}
	}
	if m := Message(errors.New("something else")); !strings.Contains(m, "something else") {
		t.Errorf("a plain error's text is lost: %s", m)
	}
}

// appBinary builds the trienlam program once for the tests below.
var appBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "glcheck-test")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "trienlam")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, "trienlam")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// graphicalEnv is the environment without any display, with a private
// runtime folder and settings folder.
func graphicalEnv(t *testing.T, display string) []string {
	t.Helper()
	var env []string
	for _, kv := range os.Environ() {
		switch strings.SplitN(kv, "=", 2)[0] {
		case "DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "DBUS_SESSION_BUS_ADDRESS":
			continue
		}
		env = append(env, kv)
	}
	rt := t.TempDir()
	if err := os.Chmod(rt, 0o700); err != nil {
		t.Fatal(err)
	}
	return append(env, "DISPLAY="+display, "XDG_RUNTIME_DIR="+rt, "XDG_CONFIG_HOME="+t.TempDir(), "XDG_CACHE_HOME="+t.TempDir())
}

// runApp runs the program and returns its exit code and standard error.
func runApp(t *testing.T, env []string) (int, string) {
	t.Helper()
	bin, err := appBinary()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("the program was still running after 60 s (it should have stopped with a message); stderr:\n%s", stderr.String())
	}
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stderr.String()
}

// freeDisplay returns an X display name that no server answers on.
func freeDisplay(t *testing.T) string {
	for n := 271; n < 400; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); os.IsNotExist(err) {
			if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); os.IsNotExist(err) {
				return fmt.Sprintf(":%d", n)
			}
		}
	}
	t.Skip("no free display number")
	return ""
}

// startXvfb starts a private Xvfb with the extra arguments on a free
// display number and returns the display name once it takes connections.
func startXvfb(t *testing.T, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Skip("Xvfb is not installed (make deps installs it)")
	}
	display := freeDisplay(t)
	cmd := exec.Command("Xvfb", append([]string{display, "-screen", "0", "640x480x24",
		"-noreset", "-nolisten", "tcp"}, args...)...)
	xlog, err := os.Create(filepath.Join(t.TempDir(), "xvfb.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer xlog.Close()
	cmd.Stdout, cmd.Stderr = xlog, xlog
	logText := func() string { b, _ := os.ReadFile(xlog.Name()); return string(b) }
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		// SIGTERM, so Xvfb removes its socket and lock file.
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			t.Fatalf("Xvfb %s exited: %s", display, logText())
		default:
		}
		if c, err := net.Dial("unix", "/tmp/.X11-unix/X"+display[1:]); err == nil {
			c.Close()
			return display
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("Xvfb %s did not take connections in 20 s: %s", display, logText())
	return ""
}

func TestAppWithoutDisplaySaysSoInVietnamese(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the program")
	}
	code, stderr := runApp(t, graphicalEnv(t, freeDisplay(t)))
	if code == 0 {
		t.Errorf("exit code 0 without a display; stderr:\n%s", stderr)
	}
	for _, want := range []string{Title, "không tìm thấy màn hình", "Cách khắc phục"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestAppWithoutOpenGLSaysSoInVietnamese(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the program")
	}
	display := startXvfb(t, "-extension", "GLX") // a display without GLX: no OpenGL
	code, stderr := runApp(t, graphicalEnv(t, display))
	if code == 0 {
		t.Errorf("exit code 0 without OpenGL; stderr:\n%s", stderr)
	}
	for _, want := range []string{Title, "trình điều khiển đồ hoạ", "OpenGL 2.1", "Cách khắc phục", "GLX"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestCheckPassesWithOpenGL(t *testing.T) {
	display := startXvfb(t) // Xvfb has GLX with Mesa's software renderer
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(graphicalEnv(t, display), "GLCHECK_HELPER=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "ok") {
		t.Fatalf("Check failed on a display with software OpenGL: %v\n%s", err, out)
	}
}

// TestCheckLeavesGLFWForTheApp checks that a successful Check leaves GLFW
// initialised on X11, so the app's window does not load the OpenGL driver
// a second time.
func TestCheckLeavesGLFWForTheApp(t *testing.T) {
	display := startXvfb(t)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(graphicalEnv(t, display), "GLCHECK_HELPER=reuse")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "ok") {
		t.Fatalf("after Check, a window could not be made without initialising GLFW again: %v\n%s", err, out)
	}
}
