package single

import (
	"os"
	"os/exec"
	"testing"
)

// TestMain lets the test binary act as a second process holding nothing
// but trying the lock.
func TestMain(m *testing.M) {
	if path := os.Getenv("SINGLE_HANDOFF"); path != "" {
		// A second start with a file: hand it over, as main does.
		if err := Handoff("test-handoff", path); err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	if name := os.Getenv("SINGLE_TRY"); name != "" {
		_, ok, err := Acquire(name)
		if err != nil {
			os.Exit(3)
		}
		if ok {
			os.Exit(0)
		}
		os.Exit(1)
	}
	os.Exit(m.Run())
}

func try(t *testing.T, name string) int {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "SINGLE_TRY="+name, "XDG_CACHE_HOME="+os.Getenv("XDG_CACHE_HOME"))
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

func TestOneInstance(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	release, ok, err := Acquire("test-instance")
	if err != nil || !ok {
		t.Fatalf("first Acquire: ok %v, err %v", ok, err)
	}
	if code := try(t, "test-instance"); code != 1 {
		t.Fatalf("a second process got the lock (exit %d, want 1)", code)
	}
	if code := try(t, "other-name"); code != 0 {
		t.Errorf("another name must be free (exit %d)", code)
	}
	release()
	if code := try(t, "test-instance"); code != 0 {
		t.Errorf("after release a second process must get the lock (exit %d)", code)
	}
}

// TestHandoff hands a file from a second process to the running one.
func TestHandoff(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	release, ok, err := Acquire("test-handoff")
	if err != nil || !ok {
		t.Fatalf("Acquire: %v %v", ok, err)
	}
	defer release()
	got := make(chan string, 1)
	stop, err := Serve("test-handoff", func(p string) { got <- p })
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "SINGLE_HANDOFF=/media/usb/Triển lãm 2024.trienlam", "XDG_CACHE_HOME="+os.Getenv("XDG_CACHE_HOME"))
	if err := cmd.Run(); err != nil {
		t.Fatalf("second start: %v", err)
	}
	if p := <-got; p != "/media/usb/Triển lãm 2024.trienlam" {
		t.Errorf("running exhibit got %q", p)
	}
	stop()
	// Nobody listening: the second start learns it and can say so.
	if err := Handoff("test-handoff", "/x.trienlam"); err == nil {
		t.Error("handoff with no running exhibit succeeded")
	}
}
